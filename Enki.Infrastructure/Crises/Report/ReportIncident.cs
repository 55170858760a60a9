using Enki.Domain.Incidents;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>An attached incident as the report lists and maps it, at its opening time in NexSIS (<c>CreatedAt</c>).</summary>
public sealed record ReportIncident(Guid Id, string Nature, string Commune, IncidentStatus Status, DateTimeOffset OpenedAt,
    IncidentVictims Victims, int EngagedResources, double? Latitude, double? Longitude)
{
    public bool IsActive => Status.IsActive();

    /// <summary>The last level of the nomenclature (« Inondation de locaux »), not the whole path.</summary>
    public string ShortNature => Nature.Split(" › ")[^1];

    /// <summary>Victims in words (« 1 UA, 2 UR, 3 impliqués »), empty when none are known.</summary>
    public string VictimsText => string.Join(", ", new (int Count, string One, string Many)[]
        {
            (Victims.Deceased, "DCD", "DCD"), (Victims.Red, "UA", "UA"), (Victims.Yellow, "UR", "UR"), (Victims.Green, "impliqué", "impliqués"),
            (Victims.Missing, "disparu", "disparus"), (Victims.Evacuated, "évacué", "évacués"),
        }.Where(p => p.Count > 0).Select(p => French.Count(p.Count, p.One, p.Many)));
}
