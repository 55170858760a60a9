using System.Collections.Concurrent;
using System.Net;
using Enki.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Nexsis.Acknowledgements;

/// <summary>
/// Enki as a real process, killed with SIGKILL in the middle of a replay while the platform listens
/// for acknowledgements: after the restart and the platform's resends, every committed case is
/// acknowledged, none is missing, and every duplicate carries the same acknowledgement id.
/// </summary>
public sealed class AcknowledgementCrashTests : IAsyncLifetime
{
    private const string Key = "cle-nexsis-de-test-crash-0123456789";
    private const int Cases = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly ITestOutputHelper _output;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "enki-ack-crash-" + Guid.NewGuid().ToString("N"));
    private readonly AcknowledgementListener _platform = new();
    private readonly ProcessDatabase _database;

    public AcknowledgementCrashTests(ITestOutputHelper output)
    {
        _output = output;
        _database = new ProcessDatabase(_data);
    }

    public Task InitializeAsync() => _platform.StartAsync();

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Every_committed_case_is_acknowledged_after_a_kill_and_duplicates_carry_the_same_id()
    {
        var settings = new Dictionary<string, string>
        {
            ["Enki__DataPath"] = _data,
            ["Enki__Nexsis__InboundApiKey"] = Key,
            ["Enki__Nexsis__AcknowledgementUrl"] = _platform.Address.ToString(),
            ["Enki__Simulator__Enabled"] = "false",
            ["Enki__Demo__Enabled"] = "false",
        };
        var storm = Enumerable.Range(0, Cases)
            .Select(i => (CaseId: $"fr.fire.sis077.cga-077.SC-KILL-{i:000}", Sent: T0.AddSeconds(i)))
            .Select(c => (c.CaseId, Distribution: $"dist-create-{c.CaseId}-{c.Sent.ToUnixTimeSeconds()}", Payload: CreateCase(c.CaseId, sentAt: c.Sent)))
            .ToList();

        var accepted = new ConcurrentDictionary<string, bool>();
        await using (var first = new EnkiProcess(settings))
        {
            await first.StartAsync(Patience);
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            async ValueTask PushAsync((string CaseId, string Distribution, byte[] Payload) message, CancellationToken _)
            {
                try
                {
                    using var answer = await client.PushNexsisAsync(message.Payload, Key);
                    if (answer.StatusCode == HttpStatusCode.Accepted) accepted[message.Distribution] = true;
                }
                catch (HttpRequestException)
                {
                    // the process is gone: the platform keeps it for a resend
                }
            }

            // The first half, until acknowledgements flow; then the rest, killed in the middle of it.
            await Parallel.ForEachAsync(storm.Take(Cases / 2), new ParallelOptions { MaxDegreeOfParallelism = 8 }, PushAsync);
            await first.WaitUntilAsync(() => Task.FromResult(_platform.DistinctAcknowledged >= 20), Patience, "acknowledgements flowing");
            var replay = Parallel.ForEachAsync(storm.Skip(Cases / 2), new ParallelOptions { MaxDegreeOfParallelism = 8 }, PushAsync);
            await first.WaitUntilAsync(() => Task.FromResult(accepted.Count >= Cases * 2 / 3), Patience, "the second half under way");
            first.Kill();
            _output.WriteLine($"killed after {accepted.Count} accepted pushes and {_platform.DistinctAcknowledged} acknowledgements");
            await replay;
            Assert.True(accepted.Count < Cases, "the replay ended before the kill: nothing was interrupted");
        }

        var acknowledgedBeforeRestart = _platform.Received.Select(r => r.AcknowledgedDistributionId).ToHashSet();
        await using (var second = new EnkiProcess(settings))
        {
            await second.StartAsync(Patience);
            using var client = new HttpClient { BaseAddress = second.BaseAddress };
            // The platform resends what it has no acknowledgement for, and a few it has one for (one lost on its way).
            var resend = storm.Where(m => !acknowledgedBeforeRestart.Contains(m.Distribution))
                .Concat(storm.Where(m => acknowledgedBeforeRestart.Contains(m.Distribution)).Take(10));
            await Parallel.ForEachAsync(resend, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (message, _) =>
            {
                using var answer = await client.PushNexsisAsync(message.Payload, Key);
                Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            });

            // Everything owed delivered: the handler's position at the stream's head, so no late duplicate is left to count.
            await second.WaitUntilAsync(async () => _platform.DistinctAcknowledged == Cases && await _database.DurableHandlersAtHeadAsync(), Patience,
                "every case acknowledged and the stream delivered");
            await second.StopAsync();
            _output.WriteLine($"after restart: {_platform.Received.Count} acknowledgements received, {_platform.DistinctAcknowledged} distinct");
        }

        // Every case is committed once; every committed case's distribution is acknowledged.
        var committed = await _database.QueryAsync(db => db.Incidents.Select(i => i.CaseId).ToListAsync());
        Assert.Equal(storm.Select(m => m.CaseId).Order(), committed.Order());
        var acknowledged = _platform.Received.GroupBy(r => r.AcknowledgedDistributionId).ToDictionary(g => g.Key, g => g.Select(r => r.AcknowledgementId).Distinct().ToList());
        Assert.Equal(storm.Select(m => m.Distribution).Order(), acknowledged.Keys.Order());

        // Duplicates happened (the resends of acknowledged cases at least) and carry the same id.
        Assert.True(_platform.Received.Count > Cases, "no duplicate acknowledgement to compare");
        Assert.All(acknowledged, a => Assert.Single(a.Value));
        Assert.Equal(Cases, _platform.Received.Select(r => r.AcknowledgementId).Distinct().Count());
    }
}
