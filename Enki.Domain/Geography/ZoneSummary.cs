namespace Enki.Domain.Geography;

/// <summary>One defence zone's weight: how many departments, communes and inhabitants it covers.</summary>
public sealed record ZoneSummary(DefenceZone Zone, int Departments, int Communes, long Population)
{
    /// <summary>Every zone of the geography, largest population first.</summary>
    public static IReadOnlyList<ZoneSummary> Of(FrenchGeography geography) =>
        geography.Zones
            .Select(zone =>
            {
                var communes = geography.CommunesOfZone(zone.Code);
                return new ZoneSummary(zone, geography.DepartmentsOfZone(zone.Code).Count, communes.Count,
                    communes.Sum(c => (long)c.Population));
            })
            .OrderByDescending(s => s.Population)
            .ToList();
}
