using Enki.Domain.Access;

namespace Enki.Domain.Warnings;

/// <summary>What evaluating a rule may need beyond the event itself, read from the store once per batch (a fake in the tests).</summary>
public interface IWarningFacts
{
    /// <summary>Incidents opened (exercises apart) on a territory within the hour before <paramref name="at"/>, <paramref name="at"/> included.</summary>
    int IncidentsOpenedWithinHour(Jurisdiction territory, DateTimeOffset at);

    /// <summary>
    /// The same count for the same hour <paramref name="weeks"/> times back, a week apart (the previous week first):
    /// the baseline of « heure inhabituelle ».
    /// </summary>
    IReadOnlyList<int> IncidentsOpenedWithinHourWeeksBefore(Jurisdiction territory, DateTimeOffset at, int weeks);

    /// <summary>Whether the rule already raised a warning within the hour before <paramref name="at"/>.</summary>
    bool RaisedWithinHour(Guid ruleId, DateTimeOffset at);

    /// <summary>A commune's name for the warning's words (its code when unknown).</summary>
    string CommuneName(string communeCode);

    /// <summary>The department a commune lies in (a department-wide vigilance concerns it); null when unknown.</summary>
    string? DepartmentOfCommune(string communeCode);
}
