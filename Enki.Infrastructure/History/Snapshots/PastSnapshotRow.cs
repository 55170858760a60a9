using Enki.Domain.Access;
using Enki.Domain.History;
using Enki.Domain.Incidents;

namespace Enki.Infrastructure.History.Snapshots;

/// <summary>
/// One incident as it stood at a snapshot's instant on one clock (<see cref="PastSnapshotInstant"/>): what the past
/// figures need of it. A snapshot holds the incidents open then and those closed but opened in the 24 hours before
/// (<see cref="PastSnapshots.ClosedKept"/>); older closed ones are left out, a past query rebuilds them from their events
/// when it needs them.
/// </summary>
public sealed class PastSnapshotRow : ILocatedInTerritory
{
    public HistoryClock Clock { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid IncidentId { get; set; }

    public string CaseId { get; set; } = "";

    /// <summary>Where the case was opened (its events are filtered by where each one says the case was).</summary>
    public string? CommuneCode { get; set; }

    public string? DepartmentCode { get; set; }

    public string? ZoneCode { get; set; }

    /// <summary>
    /// An event of the case placed it elsewhere than its opening: a scoped query rebuilds it from the events of its
    /// scope only, as the full replay does.
    /// </summary>
    public bool Moved { get; set; }

    public IncidentStatus Status { get; set; }

    public string NatureCode { get; set; } = "";

    public string NatureFamily { get; set; } = "";

    public string NatureLabel { get; set; } = "";

    public DateTimeOffset OpenedAt { get; set; }

    public VictimCountEstimate? Estimate { get; set; }

    public int Red { get; set; }

    public int Yellow { get; set; }

    public int Green { get; set; }

    public int Deceased { get; set; }

    public int Missing { get; set; }

    public int Evacuated { get; set; }

    public int Displaced { get; set; }

    public int EngagedResources { get; set; }

    public IncidentThen ToThen() => new(IncidentId, CaseId, CommuneCode ?? "", DepartmentCode ?? "", Status, NatureCode, NatureFamily, NatureLabel,
        OpenedAt, new IncidentVictims(Estimate, Red, Yellow, Green, Deceased, Missing, Evacuated, Displaced), EngagedResources, ZoneCode ?? "");

    public static PastSnapshotRow Of(HistoryClock clock, DateTimeOffset at, IncidentThen then, bool moved) => new()
    {
        Clock = clock, At = at, IncidentId = then.IncidentId, CaseId = then.CaseId,
        CommuneCode = then.CommuneCode, DepartmentCode = then.DepartmentCode, ZoneCode = then.ZoneCode, Moved = moved,
        Status = then.Status, NatureCode = then.NatureCode, NatureFamily = then.NatureFamily, NatureLabel = then.NatureLabel,
        OpenedAt = then.OpenedAt, Estimate = then.Victims.Estimate, Red = then.Victims.Red, Yellow = then.Victims.Yellow,
        Green = then.Victims.Green, Deceased = then.Victims.Deceased, Missing = then.Victims.Missing,
        Evacuated = then.Victims.Evacuated, Displaced = then.Victims.Displaced, EngagedResources = then.EngagedResources,
    };
}
