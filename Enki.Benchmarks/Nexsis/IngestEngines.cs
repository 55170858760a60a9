using System.Globalization;
using Enki.Benchmarks.Hosting;

namespace Enki.Benchmarks.Nexsis;

/// <summary>
/// The NexSIS push load (<see cref="PushLoad"/>) on each database engine in one run, with the same
/// storm (same seed, same messages): the embedded SQLite file, then a throwaway PostgreSQL cluster
/// (with its Hangfire storage). Prints each run's figures, then msg/s and request p95 side by side.
/// </summary>
public static class IngestEngines
{
    public static async Task<int> RunAsync(int messages, int concurrency, int warmup, int seed)
    {
        await using var servers = await ThrowawayServers.StartAsync();
        var engines = new (string Name, Func<Task<Dictionary<string, string>>> Settings)[]
        {
            ("SQLite", () => Task.FromResult(new Dictionary<string, string>())),
            ("PostgreSQL", async () => new Dictionary<string, string>
            {
                ["Enki:Database:Provider"] = "PostgreSql",
                ["Enki:Database:ConnectionString"] = await servers.CreateDatabaseAsync($"enki_ingest_{Guid.NewGuid():N}"),
            }),
        };
        var outcomes = new List<(string Name, PushLoad.Outcome Outcome)>();
        foreach (var (name, settings) in engines)
        {
            Console.WriteLine($"— {name}");
            outcomes.Add((name, await PushLoad.RunAsync(messages, concurrency, warmup, seed, await settings())));
        }
        Console.WriteLine();
        Console.WriteLine("engine     | msg/s accepted | msg/s visible | request p95 (ms) | CPU per message (ms) | complete");
        foreach (var (name, o) in outcomes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-10} | {o.AcceptedPerSecond,14:0} | {o.VisiblePerSecond,13:0} | {o.P95Ms,16:0.0} | {o.CpuMsPerMessage,20:0.000} | {o.Complete}"));
        }
        return outcomes.All(o => o.Outcome.Complete) ? 0 : 1;
    }
}
