using System.Diagnostics;
using System.Globalization;
using Enki.Benchmarks.Hosting;
using Enki.Benchmarks.Live.Circuits;
using Npgsql;

namespace Enki.Benchmarks.Live;

/// <summary>
/// Where the time goes from a NexSIS push to a screen on a cluster, push by push, the first one on
/// freshly started nodes as in the two-node end-to-end test: one <see cref="LightCircuit"/> on the
/// last node, pushes to the first, and for each the milestones the database keeps (inbox received
/// and processed, the intake job's Hangfire states, the event's commit) and the circuit's render, in
/// milliseconds after the push's 202. A diagnosis tool: it prints a timeline.
/// </summary>
public static class NodesTrace
{
    /// <param name="sql">Also log every SQL command the nodes run, with its duration, to files in the temp folder.</param>
    public static async Task<int> RunAsync(int nodeCount, string pagePath, int pushes, TimeSpan between, bool sql = false)
    {
        await using var servers = await ThrowawayServers.StartAsync();
        var database = await servers.CreateDatabaseAsync($"enki_trace_{Guid.NewGuid():N}");
        var nodes = new List<EnkiNode>();
        try
        {
            var settings = NodesLiveLoad.Settings(database, servers.Redis);
            if (sql) settings["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
            for (var i = 0; i < nodeCount; i++) nodes.Add(await EnkiNode.StartAsync(settings, TimeSpan.FromMinutes(3)));
            var (first, last) = (nodes[0].BaseAddress, nodes[^1].BaseAddress);
            var signedIn = await SignedInSession.SignInAsync(first, "sdis77");
            await using var circuit = await LightCircuit.OpenAsync(new Uri(last, pagePath), SignedInSession.For(signedIn, first, last), "<");
            using var pusher = new HttpClient { BaseAddress = first };
            Console.WriteLine($"{nodeCount} node(s), circuit on node {nodeCount} at /{pagePath}, pushes to node 1; milliseconds after the 202 (negative: before it)");
            Console.WriteLine("push | send→202 | inbox received | job created | job enqueued | job processing | inbox processed | event committed | job succeeded | rendered | job run by");
            for (var n = 1; n <= pushes; n++)
            {
                var seen = circuit.Await(IncidentPush.Street(n));
                var sent = DateTimeOffset.UtcNow;
                var (_, acceptedTicks) = await IncidentPush.PushAsync(pusher, NodesLiveLoad.PushKey, n);
                var accepted = DateTimeOffset.UtcNow;
                var rendered = Stopwatch.GetElapsedTime(acceptedTicks, await seen.WaitAsync(TimeSpan.FromSeconds(60))).TotalMilliseconds;
                await Task.Delay(TimeSpan.FromMilliseconds(300)); // the job's last state is written after the render may come
                var m = await MilestonesAsync(database, IncidentPush.Street(n), sent);
                string At(DateTimeOffset? t) => t is { } v ? (v - accepted).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) : "-";
                if (sql) Console.WriteLine($"push {n}: sent {sent:HH:mm:ss.fff}, 202 at {accepted:HH:mm:ss.fff} UTC");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{n,4} | {(accepted - sent).TotalMilliseconds,8:0} | {At(m.Received),14} | {At(m.JobCreated),11} | {At(m.Enqueued),12} | {At(m.Processing),14} | {At(m.Processed),15} | {At(m.Committed),15} | {At(m.Succeeded),13} | {rendered,8:0} | {Node(m.Server, nodes)}"));
                await Task.Delay(between);
            }
        }
        finally
        {
            for (var i = 0; sql && i < nodes.Count; i++)
            {
                var log = Path.Combine(Path.GetTempPath(), $"enki-trace-node-{i + 1}.log");
                await File.WriteAllTextAsync(log, nodes[i].Output);
                Console.WriteLine($"node {i + 1}'s output: {log}");
            }
            foreach (var node in nodes) await node.DisposeAsync();
        }
        return 0;
    }

    private sealed record Milestones(DateTimeOffset? Received, DateTimeOffset? Processed, DateTimeOffset? Committed,
        DateTimeOffset? JobCreated, DateTimeOffset? Enqueued, DateTimeOffset? Processing, DateTimeOffset? Succeeded, string? Server);

    /// <summary>The push's inbox row, its incident's first event, and the first intake job created after the push was sent.</summary>
    private static async Task<Milestones> MilestonesAsync(string database, string street, DateTimeOffset sent)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        DateTimeOffset? received = null, processed = null, committed = null, created = null, enqueued = null, processing = null, succeeded = null;
        string? server = null;
        await using (var inbox = new NpgsqlCommand("""
            SELECT "ReceivedAt", "ProcessedAt" FROM "NexsisInbox" WHERE convert_from("Payload", 'UTF8') LIKE '%' || @street || '%' ORDER BY "Id" LIMIT 1
            """, connection))
        {
            inbox.Parameters.AddWithValue("street", street);
            await using var row = await inbox.ExecuteReaderAsync();
            if (await row.ReadAsync()) (received, processed) = (row.GetFieldValue<DateTimeOffset>(0), row.IsDBNull(1) ? null : row.GetFieldValue<DateTimeOffset>(1));
        }
        // One push at a time: the first event recorded after it was sent is its incident's.
        await using (var events = new NpgsqlCommand("""SELECT "RecordedAt" FROM "Events" WHERE "RecordedAt" >= @sent ORDER BY "Sequence" LIMIT 1""", connection))
        {
            events.Parameters.AddWithValue("sent", sent.UtcDateTime.AddMilliseconds(-5));
            committed = await events.ExecuteScalarAsync() switch
            {
                DateTime at => Utc(at),
                DateTimeOffset at => at,
                _ => null,
            };
        }
        // Hangfire.PostgreSql writes UTC times without a zone.
        await using (var job = new NpgsqlCommand("""
            SELECT j.createdat, s.name, s.createdat, s.data FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id
            WHERE j.id = (SELECT id FROM hangfire.job WHERE createdat >= @sent AND invocationdata::text LIKE '%IntakeJob%' ORDER BY id LIMIT 1)
            ORDER BY s.id
            """, connection))
        {
            job.Parameters.AddWithValue("sent", sent.UtcDateTime.AddMilliseconds(-5));
            await using var row = await job.ExecuteReaderAsync();
            while (await row.ReadAsync())
            {
                created = Utc(row.GetDateTime(0));
                var at = Utc(row.GetDateTime(2));
                switch (row.GetString(1))
                {
                    case "Enqueued": enqueued ??= at; break;
                    case "Processing":
                        processing ??= at;
                        server ??= System.Text.Json.JsonDocument.Parse(row.GetString(3)).RootElement.GetProperty("ServerId").GetString();
                        break;
                    case "Succeeded": succeeded ??= at; break;
                }
            }
        }
        return new Milestones(received, processed, committed, created, enqueued, processing, succeeded, server);
    }

    /// <summary>Which node ran the job: a Hangfire server id reads "name:process id:guid".</summary>
    private static string Node(string? serverId, List<EnkiNode> nodes)
    {
        var pid = serverId?.Split(':') is [_, var id, ..] && int.TryParse(id, out var value) ? value : 0;
        var index = nodes.FindIndex(n => n.Id == pid);
        return index < 0 ? serverId ?? "-" : $"node {index + 1}";
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
