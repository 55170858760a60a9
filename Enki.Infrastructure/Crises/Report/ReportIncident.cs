using Enki.Domain.Incidents;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>An attached incident as the report lists and maps it.</summary>
public sealed record ReportIncident(Guid Id, string Nature, string Commune, IncidentStatus Status, DateTimeOffset OpenedAt,
    IncidentVictims Victims, int EngagedResources, double? Latitude, double? Longitude)
{
    public bool IsActive => Status.IsActive();

    /// <summary>The last level of the nomenclature (« Inondation de locaux »), not the whole path.</summary>
    public string ShortNature => Nature.Split(" › ")[^1];

    /// <summary>Victims in words (« 1 UA, 2 UR, 3 impliqués »), empty when none are known.</summary>
    public string VictimsText => string.Join(", ", new (int Count, string Label)[]
        {
            (Victims.Deceased, "DCD"), (Victims.Red, "UA"), (Victims.Yellow, "UR"), (Victims.Green, "impliqué(s)"),
            (Victims.Missing, "disparu(s)"), (Victims.Evacuated, "évacué(s)"),
        }.Where(p => p.Count > 0).Select(p => $"{p.Count} {p.Label}"));
}
