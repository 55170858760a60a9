using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Enki.Benchmarks.Hosting;
using Enki.Benchmarks.Live;
using Enki.Benchmarks.Live.Circuits;
using Enki.Domain.Geography;
using Enki.Infrastructure.History.Snapshots;
using Enki.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Benchmarks.Measures;

namespace Enki.Benchmarks.History;

/// <summary>
/// Many walls replaying the same debriefing: a day of history (<see cref="PastHistorySeed"/>: a fifth of it a storm in
/// Seine-et-Marne) with its snapshots taken, then N light circuits (no browser) opened as a user opens them, on the wall's
/// replay address <c>/mur/departement/77?a=…&amp;rejouer=600</c>, signed in as the SDIS 77. Each wall moves its instant on
/// every second by itself (a server timer per circuit writes it in the address, the circuit follows the navigation as a
/// browser does, the page reads the past again). Over a fixed span it prints the server's time per step (the wall page's
/// parameters, its past query included, from Blazor's metrics; and the render batches until acknowledged), the steps each circuit got and the
/// interval between steps each client saw.
/// </summary>
internal static class ReplayBenchmark
{
    public const string Page = "mur/departement/77";
    private const int Speed = 600;

    /// <summary>The footer of a wall in replay: « Rejeu — situation au 02/12 01:10 »; the instant it names changes at each step.</summary>
    private static readonly byte[] StepMark = Encoding.UTF8.GetBytes("Rejeu — situation au ");
    private const int StepLabelLength = 11; // "dd/MM HH:mm"

    public static async Task<int> RunAsync(int incidents, int circuitCount, TimeSpan play, double targetMs)
    {
        var data = Path.Combine(Path.GetTempPath(), "enki-replay-" + Guid.NewGuid().ToString("N"));
        using var probe = new ServerRenderProbe(typeof(Enki.Web.Components.Wall.WallPage).FullName!);
        await using var app = new LoopbackEnki(data, new Dictionary<string, string>
        {
            ["Enki:Demo:Enabled"] = "true", // signs in as sdis77
            ["Enki:History:Snapshots"] = "false", // taken here once, before the walls open
            ["Enki:History:RunBudget"] = "1.00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var address = app.Start();
        string connectionString;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
        }
        // Signed in first: the demo's accounts, and the events they write at start, exist before the seed numbers its own.
        var cookies = await SignedInSession.SignInAsync(address, "sdis77");
        var now = DateTimeOffset.UtcNow;
        var end = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddHours(-1);
        var watch = Stopwatch.StartNew();
        long events;
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            events = await PastHistorySeed.SeedAsync(connection, app.Services.GetRequiredService<FrenchGeography>(), incidents, end);
        }
        var taker = app.Services.GetRequiredService<PastSnapshotTaker>();
        var taken = 0;
        for (int run; (run = await taker.RunAsync(CancellationToken.None)) > 0;) taken += run;
        // The seed opens its incidents from end − span − 9 h: the replay starts three hours into it.
        var span = TimeSpan.FromDays((double)incidents / PastHistorySeed.PerDay);
        var from = end - span - TimeSpan.FromHours(6);
        Say($"replay: {incidents:N0} incidents ({events:N0} events, a fifth in 77), {taken} snapshots, seeded in {watch.Elapsed.TotalSeconds:0} s; {circuitCount} walls /{Page} from {from:yyyy-MM-dd HH:mm}Z at ×{Speed}, {play.TotalSeconds:0} s measured; {Environment.ProcessorCount} cores, load {Load()}");

        var page = new Uri(address, $"{Page}?a={Uri.EscapeDataString(from.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture))}&rejouer={Speed}");
        var walls = Enumerable.Range(0, circuitCount).Select(_ => new StepWatch()).ToArray();
        var circuits = new LightCircuit?[circuitCount];
        watch.Restart();
        // Opened a few at a time, as screens of a crisis room come up: each starts replaying as soon as it is open.
        using (var opening = new SemaphoreSlim(5))
        {
            await Task.WhenAll(Enumerable.Range(0, circuitCount).Select(async i =>
            {
                await opening.WaitAsync();
                try
                {
                    circuits[i] = await LightCircuit.OpenAsync(page, cookies, "Rejeu — situation au");
                    circuits[i]!.BatchSeen = walls[i].Seen;
                }
                finally
                {
                    opening.Release();
                }
            }));
        }
        Say($"{circuitCount} walls open in {watch.Elapsed.TotalSeconds:0.0} s, load {Load()}");

        // The measured span: every wall open and playing.
        var past = app.Services.GetRequiredService<Enki.Infrastructure.History.PastSituationQueries>();
        var readsBefore = past.FiguresRead;
        probe.Clear();
        var start = Stopwatch.GetTimestamp();
        foreach (var wall in walls) wall.Start(start);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.Delay(play);
        var stop = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var reads = past.FiguresRead - readsBefore;
        var steps = probe.Durations().Order().ToList();
        var batches = probe.BatchDurations().Order().ToList();
        var errors = circuits.Count(c => c!.Error is not null);
        var navigations = circuits.Sum(c => c!.Navigations);
        foreach (var circuit in circuits) await circuit!.DisposeAsync();

        var perCircuit = walls.Select(w => w.Steps(stop).Count).Order().ToList();
        var intervals = walls.SelectMany(w => w.Intervals(stop)).Order().ToList();
        Say($"load at the end {Load()}; server CPU {cpu.TotalSeconds:0.0} s over {play.TotalSeconds:0} s; {navigations} navigations followed; circuits in error: {errors}; past figures read from the database {reads} times");
        Console.WriteLine();
        Console.WriteLine("| measure | count | p50 | p95 | max |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine(Row("server: wall page per step (address read, past query, figures)", steps, "ms"));
        Console.WriteLine(Row("server: render batch until the client acknowledged it (all circuits, clock ticks included)", batches, "ms"));
        Console.WriteLine(Row("client: steps per circuit", perCircuit, ""));
        Console.WriteLine(Row("client: interval between steps", intervals, "ms"));
        var over = steps.Count(ms => ms > targetMs);
        Console.WriteLine();
        Console.WriteLine(over == 0
            ? $"target met: no step took the server more than {targetMs:0} ms"
            : $"target missed: {over} of {steps.Count} steps took the server more than {targetMs:0} ms");
        return 0;
    }

    /// <summary>One wall seen from its client: the timestamp of each batch that shows a new instant.</summary>
    private sealed class StepWatch
    {
        private readonly ConcurrentQueue<long> _steps = new();
        private string? _label;
        private long _start = long.MaxValue;

        public void Start(long at) => Volatile.Write(ref _start, at);

        public void Seen(long at, byte[] batch)
        {
            var found = batch.AsSpan().IndexOf(StepMark);
            if (found < 0 || found + StepMark.Length + StepLabelLength > batch.Length) return;
            var label = Encoding.UTF8.GetString(batch, found + StepMark.Length, StepLabelLength);
            if (label == _label) return;
            _label = label;
            if (at >= Volatile.Read(ref _start)) _steps.Enqueue(at);
        }

        public List<long> Steps(long stop) => [.. _steps.Where(at => at <= stop)];

        public IEnumerable<double> Intervals(long stop)
        {
            var steps = Steps(stop);
            return steps.Zip(steps.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds);
        }
    }

    private static string Row(string name, IReadOnlyList<double> sorted, string unit) =>
        sorted.Count == 0
            ? $"| {name} | 0 | - | - | - |"
            : string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {sorted.Count:N0} | {Percentile(sorted, 0.5):N0} {unit} | {Percentile(sorted, 0.95):N0} {unit} | {sorted[^1]:N0} {unit} |");

    private static string Row(string name, IReadOnlyList<int> sorted, string unit) => Row(name, sorted.Select(n => (double)n).ToList(), unit);

    private static void Say(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
