namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// Real incidents opened, their latest victims and their progress changes, for one commune and nature family: at one
/// hour (from the aggregate), at one incident's opening (from the incidents, in a series), or over the whole period.
/// </summary>
internal sealed record OpenedGroup(
    DateTimeOffset At, string CommuneCode, string DepartmentCode, string? NatureFamily,
    int Opened, int Deceased, int Red, int Yellow, int Green, int Missing, int Evacuated, int Displaced,
    int Closed = 0, int Started = 0, int Ended = 0);
