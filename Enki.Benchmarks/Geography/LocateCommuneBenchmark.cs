using BenchmarkDotNet.Attributes;
using Enki.Domain.Geography;
using Enki.Infrastructure.Geography;

namespace Enki.Benchmarks.Geography;

/// <summary>
/// Point-to-commune location over 1,000 seeded random points of metropolitan France
/// (only points that do fall in a commune are kept, so the sea does not flatter the figures).
/// Reported times are per call thanks to OperationsPerInvoke.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class LocateCommuneBenchmark
{
    private const int PointCount = 1_000;
    private FrenchGeography _geography = null!;
    private (double Latitude, double Longitude)[] _points = null!;

    [GlobalSetup]
    public void Setup()
    {
        _geography = FrenchGeographyLoader.Load();
        var random = new Random(20_260_101);
        _points = Enumerable.Range(0, int.MaxValue)
            .Select(_ => (Latitude: 42.3 + random.NextDouble() * 8.8, Longitude: -4.8 + random.NextDouble() * 13.1))
            .Where(p => _geography.LocateCommune(p.Latitude, p.Longitude) is not null)
            .Take(PointCount)
            .ToArray();
    }

    [Benchmark(OperationsPerInvoke = PointCount)]
    public int LocateCommune()
    {
        var found = 0;
        foreach (var (latitude, longitude) in _points)
        {
            if (_geography.LocateCommune(latitude, longitude) is not null)
            {
                found++;
            }
        }

        return found;
    }
}
