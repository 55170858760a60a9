using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Enki.Benchmarks.Hosting;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Benchmarks.Measures;

namespace Enki.Benchmarks.Nexsis;

/// <summary>
/// The NexSIS push path end to end over real HTTP: Enki on a loopback Kestrel port in this process
/// (embedded defaults: SQLite file, in-process jobs, its own logging settings), a generated storm
/// pushed by a child process (<see cref="PushClient"/>) one message per request with N in flight,
/// and the read API polled until every case is visible and nothing is left to apply in the inbox.
/// Prints messages/s accepted (last 202) and visible, the server's CPU and allocations per message
/// and its memory. A warm-up part of the storm goes first so the figures are JIT-free. A load tool,
/// not a test: it prints numbers.
/// </summary>
public static class PushLoad
{
    private const string PushKey = "push-load-key";
    private const string ReadKey = "push-load-read-key";

    /// <summary>Without any change seen in this long, the run stops and says what it saw.</summary>
    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(30);

    /// <summary>What one run gave: msg/s accepted and visible, request latency p95, whether every case became visible.</summary>
    public sealed record Outcome(double AcceptedPerSecond, double VisiblePerSecond, double P95Ms, double CpuMsPerMessage, bool Complete);

    public static async Task<int> RunAsync(int messages, int concurrency, int warmup, int seed) =>
        (await RunAsync(messages, concurrency, warmup, seed, new Dictionary<string, string>())).Complete ? 0 : 1;

    /// <summary>One run; <paramref name="engine"/> adds settings, such as another database provider.</summary>
    public static async Task<Outcome> RunAsync(int messages, int concurrency, int warmup, int seed, IReadOnlyDictionary<string, string> engine)
    {
        var data = Path.Combine(Path.GetTempPath(), "enki-push-load-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>(engine)
        {
            ["Enki:Nexsis:InboundApiKey"] = PushKey,
            ["Enki:Api:Keys:0:Name"] = "charge",
            ["Enki:Api:Keys:0:Key"] = ReadKey,
            ["Enki:Api:Keys:0:Scope"] = "national",
        };
        await using var app = new LoopbackEnki(data, settings);
        var baseAddress = app.Start();
        using var client = ClientProcess(baseAddress, messages, warmup, concurrency, seed);
        var storm = Words(await client.StandardOutput.ReadLineAsync(), "storm");
        var (cases, warmupCases, bytes) = (int.Parse(storm[2]), int.Parse(storm[4]), long.Parse(storm[5]));
        Console.WriteLine($"storm: {messages} messages ({bytes / messages} bytes on average), {cases} cases, seed {seed}; warm-up: {warmup} messages, {warmupCases} cases; concurrency {concurrency}; {Environment.ProcessorCount} cores, load {Load()}");

        using var reads = new HttpClient { BaseAddress = baseAddress };
        reads.DefaultRequestHeaders.Add("X-Api-Key", ReadKey);
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();
        if (warmup > 0)
        {
            await client.StandardInput.WriteLineAsync("warm");
            Words(await client.StandardOutput.ReadLineAsync(), "pushed");
            await WaitVisibleAsync(reads, dbFactory, warmupCases, Stopwatch.StartNew());
        }

        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        await client.StandardInput.WriteLineAsync("go");
        var pushed = Words(await client.StandardOutput.ReadLineAsync(), "pushed");
        var (accepted, refused, failed) = (int.Parse(pushed[1]), int.Parse(pushed[2]), int.Parse(pushed[3]));
        var pushSeconds = double.Parse(pushed[4], CultureInfo.InvariantCulture) / 1000;
        var visible = await WaitVisibleAsync(reads, dbFactory, cases, clock);
        var visibleSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            pushed:   {accepted} accepted (202), {refused} refused (400), {failed} failed, in {pushSeconds:0.00} s → {messages / pushSeconds:0} msg/s accepted; request latency p50 {pushed[5]} ms, p99 {pushed[6]} ms, max {pushed[7]} ms
            visible:  {visible.Total} of {cases} cases in the read API, inbox: {visible.Pending} pending, {visible.Waiting} waiting, after {visibleSeconds:0.00} s → {messages / visibleSeconds:0} msg/s visible{(visible.Complete ? "" : "  (INCOMPLETE: stalled)")}
            server:   CPU {cpu / messages:0.000} ms per message ({cpu / 1000 / visibleSeconds:0.00} cores busy on average), allocated {allocated / messages / 1024.0:0.0} KB per message, GC {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3} (gen0/1/2); managed heap {heap / 1048576.0:0} MB, working set {process.WorkingSet64 / 1048576.0:0} MB (peak {process.PeakWorkingSet64 / 1048576.0:0} MB)
            load:     {Load()}
            """));
        client.StandardInput.Close();
        await client.WaitForExitAsync();
        return new Outcome(messages / pushSeconds, messages / visibleSeconds, double.Parse(pushed[8], CultureInfo.InvariantCulture), cpu / messages, visible.Complete && failed == 0);
    }

    private sealed record Visibility(int Total, int Pending, int Waiting, bool Complete);

    /// <summary>
    /// Polls until the read API shows at least <paramref name="cases"/> incidents (exercises included)
    /// and the inbox holds nothing pending or waiting: every accepted message is then applied and visible.
    /// </summary>
    private static async Task<Visibility> WaitVisibleAsync(HttpClient reads, IDbContextFactory<EnkiDbContext> dbFactory, int cases, Stopwatch clock)
    {
        Visibility? last = null;
        var lastChange = clock.Elapsed;
        while (true)
        {
            var page = await reads.GetFromJsonAsync<IncidentPage>("/api/v1/incidents?exercise=all&pageSize=1");
            await using var db = await dbFactory.CreateDbContextAsync();
            var pending = await db.NexsisInbox.CountAsync(m => m.State == InboxState.Pending);
            var waiting = await db.NexsisInbox.CountAsync(m => m.State == InboxState.Waiting);
            var now = new Visibility(page!.Total, pending, waiting, page.Total >= cases && pending == 0 && waiting == 0);
            if (now.Complete) return now;
            if (now != last) (last, lastChange) = (now, clock.Elapsed);
            else if (clock.Elapsed - lastChange > Stalled) return now;
            await Task.Delay(20);
        }
    }

    private sealed record IncidentPage(int Total);

    private static string[] Words(string? line, string expected)
    {
        var words = line?.Split(' ') ?? [];
        if (words.Length == 0 || words[0] != expected) throw new InvalidOperationException($"push client answered '{line}' instead of '{expected} …'");
        return words;
    }

    /// <summary>This same tool, run as <c>push-client</c>: NexSIS on the same machine, sharing the cores with the server as real co-located traffic would.</summary>
    private static Process ClientProcess(Uri baseAddress, int messages, int warmup, int concurrency, int seed)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(PushLoad).Assembly.Location);
        foreach (var argument in new[] { "push-client", baseAddress.ToString(), PushKey, $"{messages}", $"{warmup}", $"{concurrency}", $"{seed}" }) start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
