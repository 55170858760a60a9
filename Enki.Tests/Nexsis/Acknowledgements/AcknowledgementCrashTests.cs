using System.Collections.Concurrent;
using System.Net;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Nexsis.Acknowledgements;

/// <summary>
/// Enki as a real process, killed with SIGKILL in the middle of a replay while the platform listens
/// for acknowledgements: after the restart and the platform's resends, every committed case is
/// acknowledged, none is missing, and every duplicate carries the same acknowledgement id.
/// </summary>
public sealed class AcknowledgementCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Key = "cle-nexsis-de-test-crash-0123456789";
    private const int Cases = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly CrashScene _scene = new();

    public Task InitializeAsync() => _scene.StartAsync();

    public Task DisposeAsync() => _scene.DisposeAsync().AsTask();

    [Fact]
    public async Task Every_committed_case_is_acknowledged_after_a_kill_and_duplicates_carry_the_same_id()
    {
        var settings = _scene.Settings(Key);
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
            await first.WaitUntilAsync(() => Task.FromResult(_scene.Platform.DistinctAcknowledged >= 20), Patience, "acknowledgements flowing");
            var replay = Parallel.ForEachAsync(storm.Skip(Cases / 2), new ParallelOptions { MaxDegreeOfParallelism = 8 }, PushAsync);
            await first.WaitUntilAsync(() => Task.FromResult(accepted.Count >= Cases * 2 / 3), Patience, "the second half under way");
            first.Kill();
            output.WriteLine($"killed after {accepted.Count} accepted pushes and {_scene.Platform.DistinctAcknowledged} acknowledgements");
            await replay;
            Assert.True(accepted.Count < Cases, "the replay ended before the kill: nothing was interrupted");
        }

        var acknowledgedBeforeRestart = _scene.Platform.Received.Select(r => r.AcknowledgedDistributionId).ToHashSet();
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
            await second.WaitUntilAsync(async () => _scene.Platform.DistinctAcknowledged == Cases && await _scene.Database.DurableHandlersAtHeadAsync(), Patience,
                "every case acknowledged and the stream delivered");
            await second.StopAsync();
            output.WriteLine($"after restart: {_scene.Platform.Received.Count} acknowledgements received, {_scene.Platform.DistinctAcknowledged} distinct");
        }

        // Every case is committed once; every committed case's distribution is acknowledged.
        var committed = await _scene.Database.QueryAsync(db => db.Incidents.Select(i => i.CaseId).ToListAsync());
        Assert.Equal(storm.Select(m => m.CaseId).Order(), committed.Order());
        var acknowledged = _scene.Platform.Received.GroupBy(r => r.AcknowledgedDistributionId).ToDictionary(g => g.Key, g => g.Select(r => r.AcknowledgementId).Distinct().ToList());
        Assert.Equal(storm.Select(m => m.Distribution).Order(), acknowledged.Keys.Order());

        // Duplicates happened (the resends of acknowledged cases at least) and carry the same id.
        Assert.True(_scene.Platform.Received.Count > Cases, "no duplicate acknowledgement to compare");
        Assert.All(acknowledged, a => Assert.Single(a.Value));
        Assert.Equal(Cases, _scene.Platform.Received.Select(r => r.AcknowledgementId).Distinct().Count());
    }
}
