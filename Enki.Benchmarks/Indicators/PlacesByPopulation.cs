using Enki.Domain.Geography;

namespace Enki.Benchmarks.Indicators;

/// <summary>Where a copied incident happened: a commune, its zone and its outline's interior point.</summary>
internal sealed record Place(Commune Commune, string ZoneCode, double Latitude, double Longitude);

/// <summary>Communes drawn in proportion to their population (where incidents happen), for every engine's copy.</summary>
internal sealed class PlacesByPopulation
{
    private readonly IReadOnlyList<Place> _places;
    private readonly long[] _cumulative;

    private PlacesByPopulation(IReadOnlyList<Place> places, long[] cumulative) => (_places, _cumulative) = (places, cumulative);

    public Place Draw(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextInt64(_cumulative[^1]) + 1);
        return _places[index >= 0 ? index : ~index];
    }

    /// <summary>Every commune with an outline and a zone, weighted by its population (at least 1).</summary>
    public static PlacesByPopulation Of(FrenchGeography geography)
    {
        var places = new List<Place>();
        var cumulative = new List<long>();
        long total = 0;
        foreach (var commune in geography.Communes)
        {
            if (geography.OutlineOf(commune.InseeCode) is not { } outline || geography.ZoneOf(commune) is not { } zone) continue;
            var point = outline.InteriorPoint;
            places.Add(new Place(commune, zone.Code, point.Y, point.X));
            total += Math.Max(1, commune.Population);
            cumulative.Add(total);
        }
        return new PlacesByPopulation(places, [.. cumulative]);
    }
}
