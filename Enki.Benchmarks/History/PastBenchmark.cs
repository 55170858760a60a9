using System.Diagnostics;
using System.Globalization;
using Enki.Benchmarks.Hosting;
using Enki.Domain.Geography;
using Enki.Infrastructure.History.Snapshots;
using Enki.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Benchmarks.Measures;

namespace Enki.Benchmarks.History;

/// <summary>
/// The dashboard at a past instant over a national history (<see cref="PastHistorySeed"/>) on a SQLite file, through
/// the real HTTP API (<c>/api/v1/dashboard/at</c>, a national and a Seine-et-Marne partner key): first replaying the
/// whole stream (no snapshot yet), then from snapshots (<see cref="PastSnapshotTaker"/>, run here until caught up)
/// plus the events after them. Prints p50/p95 per scope and clock, the snapshots' build time and the storage per
/// million events.
/// </summary>
internal static class PastBenchmark
{
    private const string NationalKey = "bench-past-national-0123456789";
    private const string DepartmentKey = "bench-past-departement-77-0123456789";

    public static async Task<int> RunAsync(int incidents, int samples, int withoutSamples, TimeSpan interval)
    {
        var data = Path.Combine(Path.GetTempPath(), "enki-past-" + Guid.NewGuid().ToString("N"));
        await using var app = new LoopbackEnki(data, new Dictionary<string, string>
        {
            ["Enki:Api:Keys:0:Name"] = "national", ["Enki:Api:Keys:0:Key"] = NationalKey, ["Enki:Api:Keys:0:Scope"] = "national",
            ["Enki:Api:Keys:1:Name"] = "sdis77", ["Enki:Api:Keys:1:Key"] = DepartmentKey, ["Enki:Api:Keys:1:Scope"] = "departement:77",
            ["Enki:History:Snapshots"] = "false",
            ["Enki:History:SnapshotInterval"] = interval.ToString("c", CultureInfo.InvariantCulture),
            ["Enki:History:RunBudget"] = "1.00:00:00",
        });
        // ENKI_PAST_FROM: a file kept by an earlier run (ENKI_PAST_KEEP), to measure the queries again without seeding it again.
        var reused = Environment.GetEnvironmentVariable("ENKI_PAST_FROM") is { Length: > 0 } from ? from : null;
        if (reused is not null)
        {
            Directory.CreateDirectory(data);
            File.Copy(reused, Path.Combine(data, "enki.db"));
        }
        var address = app.Start();
        var geography = app.Services.GetRequiredService<FrenchGeography>();
        string connectionString;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
        }
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var end = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(-1);
        Console.WriteLine($"past: {incidents:N0} incidents ({PastHistorySeed.PerDay:N0} a day, a fifth in 77) ending {end:yyyy-MM-dd}; snapshots every {interval.TotalHours:0.##} h; "
            + $"{Environment.ProcessorCount} cores, load {Load()}");

        var watch = Stopwatch.StartNew();
        long events;
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            events = reused is null ? await PastHistorySeed.SeedAsync(connection, geography, incidents, end)
                : await CountAsync(connectionString, "SELECT COUNT(*) FROM Events");
        }
        Checkpoint(connectionString);
        Console.WriteLine(reused is not null ? $"reused {reused}: {events:N0} events" : $"seeded {events:N0} events in {watch.Elapsed.TotalSeconds:N0} s ({events / watch.Elapsed.TotalSeconds:N0} events/s); file {Megabytes(new FileInfo(file).Length)}");
        var sizesBefore = Sizes(connectionString);
        var eventsFile = new FileInfo(file).Length;

        var span = TimeSpan.FromDays((double)incidents / PastHistorySeed.PerDay);
        var random = new Random(7);
        var instants = Enumerable.Range(0, Math.Max(samples, withoutSamples))
            .Select(_ => end - span / 3 * 2 * random.NextDouble()).Select(at => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMinute))).ToList();
        using var national = Client(address, NationalKey);
        using var department = Client(address, DepartmentKey);

        var rows = new List<string[]>();
        async Task MeasureAsync(string how, int count)
        {
            foreach (var (scope, client) in new[] { ("national", national), ("département 77", department) })
            foreach (var clock in (string[])["as-known", "as-it-was"])
            {
                await GetAsync(client, instants[0], clock); // warm-up: JIT, SQLite's cache
                var times = new List<double>();
                for (var i = 0; i < count; i++) times.Add(await GetAsync(client, instants[i], clock));
                times.Sort();
                rows.Add([how, scope, clock, count.ToString(CultureInfo.InvariantCulture), $"{Percentile(times, 0.5):N0} ms", $"{Percentile(times, 0.95):N0} ms"]);
                Console.WriteLine(string.Join(" | ", rows[^1]));
            }
        }

        if (withoutSamples > 0) await MeasureAsync("whole stream", withoutSamples);

        watch.Restart();
        var taker = app.Services.GetRequiredService<PastSnapshotTaker>();
        var taken = 0;
        for (int run; (run = await taker.RunAsync(CancellationToken.None)) > 0;) taken += run;
        var build = watch.Elapsed;
        Checkpoint(connectionString);
        var sizesAfter = Sizes(connectionString);
        var snapshotRows = await CountAsync(connectionString, "SELECT COUNT(*) FROM PastSnapshots");
        // A reused file may hold snapshots taken by an earlier run: rows a snapshot are over all of them.
        var snapshotCount = await CountAsync(connectionString, "SELECT COUNT(*) FROM PastSnapshotInstants");
        var timeEach = taken > 0 ? $"{build.TotalMilliseconds / taken:N0} ms a snapshot" : "none was due";
        Console.WriteLine($"snapshots: {taken:N0} taken ({snapshotCount:N0} in all, {snapshotRows:N0} rows) in {build.TotalSeconds:N0} s, {timeEach}; load {Load()}");

        await MeasureAsync("snapshot + events", samples);

        Console.WriteLine();
        Console.WriteLine("| read | scope | clock | requests | p50 | p95 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var row in rows) Console.WriteLine($"| {string.Join(" | ", row)} |");
        Console.WriteLine();
        Console.WriteLine("| storage | total | per million events |");
        Console.WriteLine("|---|---|---|");
        var perMillion = 1_000_000.0 / events;
        foreach (var (name, bytes) in Grouped(sizesBefore, "Events"))
        {
            Console.WriteLine($"| {name} | {Megabytes(bytes)} | {Megabytes((long)(bytes * perMillion))} |");
        }
        foreach (var (name, bytes) in Grouped(sizesAfter, "PastSnapshots"))
        {
            Console.WriteLine($"| {name} | {Megabytes(bytes)} | {Megabytes((long)(bytes * perMillion))} |");
        }
        var snapshotsFile = new FileInfo(file).Length - eventsFile;
        // A reused file already held events and snapshots: only the whole is known then.
        Console.WriteLine($"| file: events (and {(reused is null ? "an empty schema" : "the reused file's snapshots")}) | {Megabytes(eventsFile)} | {Megabytes((long)(eventsFile * perMillion))} |");
        Console.WriteLine($"| file: added by {(reused is null ? "the" : "this run's")} snapshots | {Megabytes(snapshotsFile)} | {Megabytes((long)(snapshotsFile * perMillion))} |");
        Console.WriteLine($"snapshots: {snapshotCount:N0} on two clocks, {snapshotRows:N0} rows ({snapshotRows / Math.Max(1, snapshotCount):N0} a snapshot); {taken:N0} taken by this run in {build.TotalSeconds:N0} s ({timeEach})");
        if (Environment.GetEnvironmentVariable("ENKI_PAST_KEEP") is { Length: > 0 } keep)
        {
            SqliteConnection.ClearAllPools();
            File.Copy(file, keep, overwrite: true); // to look at query plans afterwards
        }
        return 0;
    }

    private static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(15) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<double> GetAsync(HttpClient client, DateTimeOffset instant, string clock)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync($"/api/v1/dashboard/at?instant={Uri.EscapeDataString(instant.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture))}&clock={clock}");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Bytes per table and index (SQLite's dbstat), empty when this build of SQLite lacks it.</summary>
    private static Dictionary<string, long> Sizes(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name";
        var sizes = new Dictionary<string, long>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read()) sizes[reader.GetString(0)] = reader.GetInt64(1);
        }
        catch (SqliteException e)
        {
            Console.WriteLine($"(no dbstat: {e.Message})");
        }
        return sizes;
    }

    /// <summary>A table and its indexes (named after it, as EF names them), then their sum.</summary>
    private static IEnumerable<(string, long)> Grouped(Dictionary<string, long> sizes, string table)
    {
        var mine = sizes.Where(s => s.Key == table || s.Key.StartsWith($"IX_{table}_", StringComparison.Ordinal)
            || s.Key.StartsWith($"sqlite_autoindex_{table}_", StringComparison.Ordinal)).OrderBy(s => s.Key).ToList();
        foreach (var (name, bytes) in mine) yield return (name, bytes);
        yield return ($"{table}, all", mine.Sum(s => s.Value));
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Moves the write-ahead log into the file, so the file's size is what the data takes.</summary>
    private static void Checkpoint(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:N1} MB";
}
