using Enki.Domain.Access;

namespace Enki.Domain.Geography;

/// <summary>
/// Every territory a search can find with its name's search key (<see cref="PlaceSearch.Key"/>) computed once:
/// thirty-five thousand commune names normalised again at each keystroke cost seconds on a busy server.
/// In the order a search lists equals: the national level, zones, departments, communes.
/// </summary>
internal sealed class TerritoryNames
{
    public readonly record struct Entry(Jurisdiction Place, string Key, string Code, int Width, int Population, bool IsWideScale);

    public TerritoryNames(FrenchGeography geography)
    {
        var entries = new List<Entry>(geography.Zones.Count + geography.Departments.Count + geography.Communes.Count + 1)
        {
            new(Jurisdiction.National, PlaceSearch.Normalise("National, France entière"), "national", 3, 0, true),
        };
        entries.AddRange(geography.Zones.Select(z => new Entry(Jurisdiction.Zone(z.Code), PlaceSearch.Normalise(z.Name), z.Code, 2, 0, true)));
        entries.AddRange(geography.Departments.Select(d => new Entry(Jurisdiction.Department(d.Code), PlaceSearch.Normalise(d.Name), d.Code, 1, 0, false)));
        entries.AddRange(geography.Communes.Select(c => new Entry(Jurisdiction.Commune(c.InseeCode), PlaceSearch.Normalise(c.Name), c.InseeCode, 0, c.Population, false)));
        Entries = entries;
    }

    public IReadOnlyList<Entry> Entries { get; }
}
