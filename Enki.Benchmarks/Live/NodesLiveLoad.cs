using System.Diagnostics;
using System.Globalization;
using System.Net;
using Enki.Benchmarks.Hosting;
using Enki.Benchmarks.Live.Circuits;
using static Enki.Benchmarks.Measures;

namespace Enki.Benchmarks.Live;

/// <summary>
/// The live path on a cluster: PostgreSQL, Redis and one or two Enki node processes on this machine,
/// N dashboards open as <see cref="LightCircuit"/>s (split evenly across the nodes), NexSIS pushing a
/// new incident to the first node. For each configuration and N: p50/p95/max from the push's 202 to
/// each circuit's render batch carrying the new incident's street, the nodes' resident memory per
/// circuit (all nodes' VmRSS after opening minus before, over the circuits opened) and the nodes' CPU
/// time per push (user + system, every node). A load tool, not a test: it prints numbers.
/// </summary>
public static class NodesLiveLoad
{
    internal const string PushKey = "nodes-live-load-key";
    private const int OpenInParallel = 20;

    public static async Task<int> RunAsync(IReadOnlyList<int> nodeCounts, IReadOnlyList<int> circuitCounts, string pagePath, int rounds, bool detail = false)
    {
        Console.WriteLine($"page: /{pagePath}; {rounds} pushes per row, to node 1; {Environment.ProcessorCount} cores shared by PostgreSQL, Redis, the nodes and the light clients");
        Console.WriteLine("nodes | circuits | pushes | p50 ms | p95 ms | max ms | missed | RSS per circuit (KB) | nodes' CPU per push (ms) | opened in");
        await using var servers = await ThrowawayServers.StartAsync();
        foreach (var nodeCount in nodeCounts)
        {
            await RunClusterAsync(servers, nodeCount, circuitCounts, pagePath, rounds, detail);
        }
        return 0;
    }

    private static async Task RunClusterAsync(ThrowawayServers servers, int nodeCount, IReadOnlyList<int> circuitCounts, string pagePath, int rounds, bool detail)
    {
        var database = await servers.CreateDatabaseAsync($"enki_nodes_{nodeCount}_{Guid.NewGuid():N}");
        var nodes = new List<EnkiNode>();
        var circuits = new List<LightCircuit>();
        try
        {
            for (var i = 0; i < nodeCount; i++)
            {
                // The first node migrates the database; the others find nothing to do.
                nodes.Add(await EnkiNode.StartAsync(Settings(database, servers.Redis), TimeSpan.FromMinutes(3)));
            }
            var first = nodes[0].BaseAddress;
            var signedIn = await SignedInSession.SignInAsync(first, "sdis77");
            var cookies = nodes.Select(n => SignedInSession.For(signedIn, first, n.BaseAddress)).ToList();
            using var pusher = new HttpClient { BaseAddress = first };
            var pushed = 0;

            async Task<LightCircuit> OpenAsync(int index)
            {
                var node = index % nodeCount;
                return await LightCircuit.OpenAsync(new Uri(nodes[node].BaseAddress, pagePath), cookies[node], "count-in-progress");
            }

            // Warm-up: a circuit per node and one push, paying for JIT compilation on the whole path.
            for (var i = 0; i < nodeCount; i++) circuits.Add(await OpenAsync(i));
            await MeasureAsync(circuits, pusher, ++pushed);

            foreach (var target in circuitCounts)
            {
                var before = nodes.Sum(n => n.ResidentBytes());
                var opening = Stopwatch.StartNew();
                var opened = circuits.Count;
                while (circuits.Count < target)
                {
                    var batch = Enumerable.Range(circuits.Count, Math.Min(OpenInParallel, target - circuits.Count)).Select(OpenAsync);
                    circuits.AddRange(await Task.WhenAll(batch));
                    if (circuits.Count % 100 < OpenInParallel) Console.Error.WriteLine($"{circuits.Count} circuits open after {opening.Elapsed.TotalSeconds:0} s");
                }
                opening.Stop();
                // Let the circuits' first renders and the runtime settle before reading memory.
                await Task.Delay(TimeSpan.FromSeconds(3));
                var perCircuit = target > opened ? (nodes.Sum(n => n.ResidentBytes()) - before) / 1024.0 / (target - opened) : double.NaN;

                var latencies = new List<double>();
                var missed = 0;
                var cpuBefore = nodes.Aggregate(TimeSpan.Zero, (sum, n) => sum + n.CpuTime());
                for (var round = 0; round < rounds; round++)
                {
                    var (seen, notSeen) = await MeasureAsync(circuits, pusher, ++pushed);
                    latencies.AddRange(seen.Where(ms => !double.IsNaN(ms)));
                    missed += notSeen;
                    if (detail)
                    {
                        // Per node (circuit i is on node i mod nodes): the slowest circuit of this push.
                        var perNode = Enumerable.Range(0, nodeCount).Select(node => seen.Where((_, i) => i % nodeCount == node).DefaultIfEmpty(double.NaN).Max());
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"push {pushed}: slowest per node {string.Join(" / ", perNode.Select(ms => ms.ToString("0")))} ms"));
                    }
                }
                var cpuPerPush = (nodes.Aggregate(TimeSpan.Zero, (sum, n) => sum + n.CpuTime()) - cpuBefore).TotalMilliseconds / rounds;
                latencies.Sort();
                var errors = circuits.Count(c => c.Error is not null);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{nodeCount,5} | {target,8} | {rounds,6} | {Percentile(latencies, 0.50),6:0} | {Percentile(latencies, 0.95),6:0} | {(latencies.Count > 0 ? latencies[^1] : double.NaN),6:0} | {missed,6} | {perCircuit,20:0} | {cpuPerPush,24:0} | {opening.Elapsed.TotalSeconds:0.0} s{(errors > 0 ? $"  ({errors} circuits in error: {circuits.First(c => c.Error is not null).Error})" : "")}"));
            }
        }
        catch
        {
            foreach (var node in nodes) Console.Error.WriteLine($"node {node.BaseAddress} said:\n{string.Join('\n', node.Output.Split('\n').TakeLast(20))}");
            throw;
        }
        finally
        {
            if (detail || circuits.Any(c => c.Error is not null))
            {
                foreach (var node in nodes)
                {
                    var log = Path.Combine(Path.GetTempPath(), $"enki-load-node-{node.BaseAddress.Port}.log");
                    await File.WriteAllTextAsync(log, node.Output);
                    Console.Error.WriteLine($"node {node.BaseAddress} output in {log}");
                }
            }
            await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    /// <summary>One push; the milliseconds from its 202 to each circuit's batch carrying it, and how many never showed it.</summary>
    private static async Task<(List<double> Seen, int Missed)> MeasureAsync(IReadOnlyList<LightCircuit> circuits, HttpClient pusher, int n)
    {
        var awaited = circuits.Select(c => c.Await(IncidentPush.Street(n))).ToList();
        var (_, accepted) = await IncidentPush.PushAsync(pusher, PushKey, n);
        var all = Task.WhenAll(awaited);
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60)));
        // In circuit order, NaN for a circuit that never showed it.
        var seen = awaited.Select(t => t.IsCompletedSuccessfully ? Stopwatch.GetElapsedTime(accepted, t.Result).TotalMilliseconds : double.NaN).ToList();
        return (seen, seen.Count(double.IsNaN));
    }

    /// <summary>A node of the cluster: PostgreSQL, Redis, demo accounts, no simulator.</summary>
    internal static Dictionary<string, string> Settings(string database, string redis) => new()
    {
        ["Enki__Database__Provider"] = "PostgreSql",
        ["Enki__Database__ConnectionString"] = database,
        ["Enki__Redis__Configuration"] = redis,
        ["Enki__DataPath"] = Directory.CreateTempSubdirectory("enki-load-node-").FullName,
        ["Enki__Nexsis__InboundApiKey"] = PushKey,
        ["Enki__Simulator__Enabled"] = "false",
        ["Enki__Demo__Enabled"] = "true", // signs in as sdis77
        ["Enki__Demo__Crises"] = "false",
    };
}
