using System.Diagnostics;
using System.Net;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Nexsis.Acknowledgements;

/// <summary>
/// The stream's promise on a real process killed with SIGKILL between the commit and the delivery:
/// after the restart every handler receives every event, and its effect (here the RC-REF the platform
/// receives) happens once. The first run records without delivering (<c>Enki:Events:Dispatch=false</c>),
/// so the events are committed and undelivered by construction, not by the luck of a timing.
/// </summary>
public sealed class EventDeliveryCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Key = "cle-nexsis-de-test-livraison-0123456789";
    private const int Cases = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly CrashScene _scene = new();

    public Task InitializeAsync() => _scene.StartAsync();

    public Task DisposeAsync() => _scene.DisposeAsync().AsTask();

    [Fact]
    public async Task Events_committed_before_a_kill_reach_every_handler_after_the_restart_and_take_effect_once()
    {
        var watch = Stopwatch.StartNew();
        var cases = Enumerable.Range(0, Cases).Select(i => $"fr.fire.sis077.cga-077.SC-STREAM-{i:00}").ToList();
        var ids = new AcknowledgementEnvelope(Options.Create(new NexsisOptions()));
        var expected = cases.Select(DistributionOf).ToDictionary(d => d, ids.DeliveryIdOf);

        // 1. A node that only records: the cases and the acknowledgements they owe are committed, none is sent; then killed.
        await using (var recording = new EnkiProcess(Settings(dispatch: false)))
        {
            await recording.StartAsync(Patience);
            await PushAsync(recording, cases);
            await recording.WaitUntilAsync(async () => await _scene.Database.OwedAsync() == Cases, Patience, "every case and its acknowledgement committed");
            Assert.Equal(Cases, await _scene.Database.QueryAsync(db => db.Incidents.CountAsync()));
            Assert.Empty(_scene.Platform.Received);
            Assert.Empty(await _scene.Database.QueryAsync(db => db.EventHandlerPositions.ToListAsync()));
            recording.Kill();
        }
        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: recorded {await _scene.Database.HeadAsync()} events, none delivered, killed");

        // 2. Killed again during the delivery: the platform takes the acknowledgements and does not answer.
        _scene.Platform.Hanging = true;
        await using (var hung = new EnkiProcess(Settings(dispatch: true)))
        {
            await hung.StartAsync(Patience);
            await hung.WaitUntilAsync(() => Task.FromResult(_scene.Platform.Held > 0), Patience, "acknowledgements in flight");
            hung.Kill();
        }
        Assert.Empty(_scene.Platform.Received);
        Assert.Equal(0, await _scene.Database.PositionAsync(ProcessDatabase.AcknowledgementHandler)); // nothing confirmed: everything still owed to it
        _scene.Platform.Hanging = false;
        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: killed with {_scene.Platform.Held} acknowledgement(s) in flight");

        // 3. Restarted: every owed acknowledgement reaches the platform once, and every durable handler reaches the head.
        await using (var delivering = new EnkiProcess(Settings(dispatch: true)))
        {
            await delivering.StartAsync(Patience);
            await delivering.WaitUntilAsync(async () => _scene.Platform.DistinctAcknowledged == Cases && await _scene.Database.DurableHandlersAtHeadAsync(), Patience,
                "every acknowledgement delivered and every durable handler at the head");
            delivering.Kill(); // the positions are stored: a kill now loses nothing
        }
        Assert.Equal(expected.OrderBy(e => e.Key), _scene.Platform.Received.ToDictionary(r => r.AcknowledgedDistributionId, r => r.AcknowledgementId).OrderBy(e => e.Key));
        Assert.Equal(Cases, _scene.Platform.Received.Count); // once each
        var durable = (await _scene.Database.QueryAsync(db => db.EventHandlerPositions.ToListAsync())).Select(p => p.Handler).ToList();
        Assert.Contains(ProcessDatabase.AcknowledgementHandler, durable);
        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: {Cases} acknowledgements delivered; durable handlers at the head: {string.Join(", ", durable)}");

        // 4. Started once more: nothing is sent again. Handlers take the stream in order, so when a new
        // case's acknowledgement arrives, anything still owed before it would have arrived first.
        const string late = "fr.fire.sis077.cga-077.SC-STREAM-LATE";
        await using (var third = new EnkiProcess(Settings(dispatch: true)))
        {
            await third.StartAsync(Patience);
            await PushAsync(third, [late]);
            await third.WaitUntilAsync(() => Task.FromResult(_scene.Platform.DistinctAcknowledged == Cases + 1), Patience, "the new case acknowledged");
            await third.StopAsync();
        }
        Assert.Equal(Cases + 1, _scene.Platform.Received.Count);
        Assert.Equal(DistributionOf(late), _scene.Platform.Received[^1].AcknowledgedDistributionId);
        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: a third start sent only the new case's acknowledgement");
    }

    private static string DistributionOf(string caseId) => $"dist-create-{caseId}-{T0.ToUnixTimeSeconds()}";

    private Dictionary<string, string> Settings(bool dispatch) =>
        new(_scene.Settings(Key)) { ["Enki__Events__Dispatch"] = dispatch ? "true" : "false" };

    private static async Task PushAsync(EnkiProcess enki, IEnumerable<string> cases)
    {
        using var client = new HttpClient { BaseAddress = enki.BaseAddress };
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (caseId, _) =>
        {
            using var answer = await client.PushNexsisAsync(CreateCase(caseId), Key);
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        });
    }
}
