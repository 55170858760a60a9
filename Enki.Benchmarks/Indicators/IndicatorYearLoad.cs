using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Enki.Benchmarks.Hosting;
using Enki.Benchmarks.Live.Circuits;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Indicators;

namespace Enki.Benchmarks.Indicators;

/// <summary>
/// `indicators --incidents 1000000`: each indicator of the catalogue over one year, for the nation
/// (COGIC) and a department (CODIS 77), through the real HTTP API on a SQLite file or, with --postgres, a
/// throwaway PostgreSQL cluster. The year is built by <see cref="YearOfTraffic"/> (SQLite) or
/// <see cref="PostgresYearOfTraffic"/> from the simulator's background traffic, played first through the
/// real NexSIS push and intake of the same Enki.
/// </summary>
internal static class IndicatorYearLoad
{
    private static readonly (string Account, string Territory)[] Territories = [("cogic", "national"), ("sdis77", "departement:77")];

    /// <param name="only">Catalogue codes to measure alone (null: every indicator).</param>
    /// <param name="representations">API codes of the representations to ask for, each where the indicator supports it (null: its default).</param>
    public static async Task<int> RunAsync(
        int incidents, int rounds, string? keep, IReadOnlyCollection<string>? only = null, IReadOnlyCollection<string>? representations = null,
        bool postgres = false, TimeSpan settle = default)
    {
        var views = (
                from definition in IndicatorCatalogue.All
                where only is null || only.Contains(definition.Code)
                from representation in representations is null ? [null] : representations.Where(r => Supports(definition, r)).Cast<string?>()
                select (Definition: definition, Representation: representation))
            .ToList();
        if (views.Count == 0)
        {
            Console.Error.WriteLine("No indicator of the catalogue answers --only in --representations.");
            return 1;
        }
        var dataPath = keep ?? Path.Combine(Path.GetTempPath(), $"enki-indicators-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataPath);
        await using YearStore store = postgres ? await PostgresYearStore.StartAsync(keep) : new SqliteYearStore(dataPath);
        var end = DateTimeOffset.UtcNow;
        if (!store.Seeded)
        {
            Console.WriteLine("Playing the simulator's background traffic through the NexSIS intake…");
            var played = Stopwatch.StartNew();
            await using (var enki = new LoopbackEnki(dataPath, new Dictionary<string, string>(store.Settings)
                         {
                             ["Enki:Demo:Enabled"] = "true",
                             ["Enki:Simulator:Enabled"] = "true",
                             ["Enki:Simulator:Seed"] = "7",
                             ["Logging:LogLevel:Default"] = "Critical",
                         }, keepData: true))
            {
                enki.Start();
                await SettledAsync(store, TimeSpan.FromMinutes(15));
            }
            Console.WriteLine($"  done in {played.Elapsed.TotalSeconds:0} s");
            var copying = Stopwatch.StartNew();
            var templates = await store.CopyAsync(FrenchGeographyLoader.Load(), incidents, end, seed: 7);
            Console.WriteLine($"Copied {templates:N0} template incidents up to {incidents:N0} in {copying.Elapsed.TotalSeconds:0} s");
        }
        var (incidentRows, eventRows) = await CountAsync(store);
        var size = await store.SizeBytesAsync();
        Console.WriteLine($"Database ({(postgres ? "PostgreSQL" : "SQLite")}): {incidentRows:N0} incidents, {eventRows:N0} events, {size / 1_048_576.0:N0} MB " +
                          $"({size / (double)incidentRows:N0} bytes per incident with its events and indexes)");

        await using var measured = new LoopbackEnki(dataPath, new Dictionary<string, string>(store.Settings)
        {
            ["Enki:Demo:Enabled"] = "true",
            ["Logging:LogLevel:Default"] = "Critical",
            // No indicator reads the past's snapshots, and a year seeded at once is a year of them to take: every earlier run at 5 M
            // shared the cores with that catch-up (on PostgreSQL it stalled on 2 October, mending, for over 15 minutes).
            ["Enki:History:Snapshots"] = "false",
        }, keepData: keep is not null);
        var address = measured.Start();
        var building = Stopwatch.StartNew();
        // About 5 minutes a million incidents here; twice that, and never less than half an hour, before giving up.
        var aggregateRows = await AggregateBuiltAsync(store, TimeSpan.FromMinutes(Math.Max(30, incidentRows / 100_000.0)));
        Console.WriteLine($"Opening hours pre-aggregate and history backfill ready {building.Elapsed.TotalSeconds:0} s after start: {aggregateRows:N0} rows " +
                          $"({incidentRows / (double)Math.Max(1, aggregateRows):0.0} incidents per row)");
        if (settle > TimeSpan.Zero)
        {
            // A console measured at once competes with its own start (the runtime compiling its code, the database's cold buffers).
            Console.WriteLine($"Settling {settle.TotalSeconds:0} s before measuring…");
            await Task.Delay(settle);
        }
        var (from, to) = (end.AddDays(-365), end);
        Console.WriteLine();
        Console.WriteLine($"One year ({from:yyyy-MM-dd} → {to:yyyy-MM-dd}), step day, {(representations is null ? "default representation" : "representations " + string.Join(", ", representations))}, median of {rounds} after one warm-up:");
        Console.WriteLine();
        Console.WriteLine("| indicator | " + string.Join(" | ", Territories.Select(t => t.Territory)) + " |");
        Console.WriteLine("|---|" + string.Concat(Territories.Select(_ => "---|")));
        var clients = new List<HttpClient>();
        foreach (var (account, _) in Territories)
        {
            var cookies = await SignedInSession.SignInAsync(address, account);
            clients.Add(new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) });
        }
        var over = 0;
        foreach (var (definition, representation) in views)
        {
            var cells = new List<string>();
            for (var t = 0; t < Territories.Length; t++)
            {
                var step = definition.Supports(IndicatorStep.Day) ? "day" : "hour";
                var url = $"/api/v1/indicators/{definition.Code}?territory={Territories[t].Territory}&step={step}" +
                          $"&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}" +
                          (representation is null ? "" : $"&representation={representation}");
                var times = new List<double>();
                var bytes = 0;
                string? refused = null;
                for (var round = 0; round <= rounds && refused is null; round++)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await clients[t].GetAsync(url);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    if (response.StatusCode != HttpStatusCode.OK) refused = $"{(int)response.StatusCode}";
                    else if (round > 0) times.Add(watch.Elapsed.TotalMilliseconds);
                    bytes = body.Length;
                }
                if (refused is not null)
                {
                    cells.Add($"answered {refused}");
                    continue;
                }
                var median = times.Order().ElementAt(times.Count / 2);
                if (median > 300) over++;
                cells.Add($"{median:N0} ms ({bytes / 1024.0:N0} KB)");
            }
            Console.WriteLine($"| `{definition.Code}`{(representation is null ? "" : $" ({representation})")} | {string.Join(" | ", cells)} |");
        }
        foreach (var client in clients) client.Dispose();
        Console.WriteLine();
        Console.WriteLine($"{over} of {views.Count * Territories.Length} answers over the 300 ms target.");
        return 0;
    }

    private static bool Supports(IndicatorDefinition definition, string code) =>
        IndicatorApiCodes.TryParse(code, out IndicatorRepresentation representation) && definition.Representations.Contains(representation);

    /// <summary>Waits until the intake has stopped adding incidents (three quiet polls, 5 s apart).</summary>
    private static async Task SettledAsync(YearStore store, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        long last = -1;
        var quiet = 0;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            long count;
            try
            {
                count = (await CountAsync(store)).Incidents;
            }
            catch (DbException)
            {
                continue; // not created yet
            }
            Console.Error.Write($"\r  {count:N0} incidents taken in");
            quiet = count == last && count > 500 ? quiet + 1 : 0;
            if (quiet == 3)
            {
                Console.Error.WriteLine();
                return;
            }
            last = count;
        }
        throw new TimeoutException("The background traffic did not settle.");
    }

    /// <summary>Waits until the refresh job has left no mark (the minutely job's first runs build it), then counts its rows.</summary>
    private static async Task<long> AggregateBuiltAsync(YearStore store, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            await using var connection = await store.ConnectAsync();
            await using var command = connection.CreateCommand();
            // The start-up's one-off history backfill too (a first run reads every incident once): measured on a settled store.
            command.CommandText = "SELECT (SELECT count(*) FROM \"IndicatorOpenedHourMarks\"), (SELECT count(*) FROM \"IndicatorOpenedHours\"), " +
                                  "(SELECT count(*) FROM \"CompletedOneOffTasks\")";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (marks, rows, backfilled) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2) > 0);
            Console.Error.Write($"\r  {marks:N0} hours still marked, {rows:N0} aggregate rows{(backfilled ? "" : ", history backfill running")}");
            if (marks == 0 && backfilled)
            {
                Console.Error.WriteLine();
                return rows;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The pre-aggregate was not built in time.");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    private static async Task<(long Incidents, long Events)> CountAsync(YearStore store)
    {
        await using var connection = await store.ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM \"Incidents\"), (SELECT count(*) FROM \"Events\")";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
