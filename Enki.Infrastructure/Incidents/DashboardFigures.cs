using Enki.Domain.Access;
using Enki.Domain.Incidents;

namespace Enki.Infrastructure.Incidents;

/// <summary>
/// Everything a dashboard shows for one territory at one instant. Real traffic only (exercises are
/// counted apart). Victim and evacuation totals cover incidents in progress and those opened in the
/// last 24 hours: the current crisis, not history.
/// </summary>
public sealed record DashboardFigures(
    Jurisdiction Scope,
    DateTimeOffset At,
    int InProgress,
    int NewLastHour,
    int VictimsRed,
    int VictimsYellow,
    int VictimsGreen,
    int Deceased,
    int Missing,
    int Evacuated,
    int Displaced,
    int EngagedResources,
    int ExercisesInProgress,
    IReadOnlyList<FamilyHourCount> ByFamilyAndHour,
    IReadOnlyList<TerritoryCount> Breakdown,
    IReadOnlyList<LatestIncident> Latest)
{
    public static DashboardFigures Empty(Jurisdiction scope, DateTimeOffset at) =>
        new(scope, at, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, [], [], []);
}

/// <summary>Incidents opened in one hour for one nature family (C01..C11).</summary>
public sealed record FamilyHourCount(string Family, DateTimeOffset Hour, int Count);

/// <summary>A child territory (department, or commune of a department) and its incidents in progress.</summary>
public sealed record TerritoryCount(string Code, string Name, int InProgress, int Total);

/// <summary>A line of the "latest incidents" list, shown at the time it happened (<see cref="OpenedAt"/>, the sender's creation brought back to the reception when ahead of it).</summary>
public sealed record LatestIncident(Guid Id, DateTimeOffset OpenedAt, DateTimeOffset CreatedAt, string NatureLabel, string NatureFamily, string CommuneName, string DepartmentCode, string? Address, IncidentStatus Status);
