namespace Enki.Infrastructure.Crises.Retex;

/// <summary>The crisis's figures at one instant: incidents in progress and victims reported so far.</summary>
public sealed record RetexFigures(int InProgress, int Red, int Yellow, int Deceased, int Evacuated);

/// <summary>
/// The figures at one hour, as the crisis room knew them then and as they actually were (late messages
/// included): the gap between the two is what the review reads.
/// </summary>
public sealed record RetexHour(DateTimeOffset At, RetexFigures Known, RetexFigures Actual);
