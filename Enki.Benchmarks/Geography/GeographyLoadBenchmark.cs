using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Enki.Domain.Geography;
using Enki.Infrastructure.Geography;

namespace Enki.Benchmarks.Geography;

/// <summary>Cold-ish load of the embedded geography, as done once per process by AddEnkiGeography.</summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 5)]
[MemoryDiagnoser]
public class GeographyLoadBenchmark
{
    [Benchmark]
    public FrenchGeography Load() => FrenchGeographyLoader.Load();
}
