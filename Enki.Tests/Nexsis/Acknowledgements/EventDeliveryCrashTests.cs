using System.Diagnostics;
using System.Net;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Infrastructure.Persistence.Sqlite;
using Enki.Tests.Support;
using Microsoft.Data.Sqlite;
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
    private const string AcknowledgementHandler = "nexsis-acquittements";
    private const int Cases = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "enki-event-crash-" + Guid.NewGuid().ToString("N"));
    private readonly AcknowledgementListener _platform = new();

    public Task InitializeAsync() => _platform.StartAsync();

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

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
            await WaitUntilAsync(async () => await OwedAsync() == Cases, recording);
            Assert.Equal(Cases, await QueryAsync(db => db.Incidents.CountAsync()));
            Assert.Empty(_platform.Received);
            Assert.Empty(await QueryAsync(db => db.EventHandlerPositions.ToListAsync()));
            recording.Kill();
        }
        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: recorded {await HeadAsync()} events, none delivered, killed");

        // 2. Killed again during the delivery: the platform takes the acknowledgements and does not answer.
        _platform.Hanging = true;
        await using (var hung = new EnkiProcess(Settings(dispatch: true)))
        {
            await hung.StartAsync(Patience);
            await WaitUntilAsync(() => Task.FromResult(_platform.Held > 0), hung);
            hung.Kill();
        }
        Assert.Empty(_platform.Received);
        Assert.Equal(0, await PositionAsync(AcknowledgementHandler)); // nothing confirmed: everything still owed to it
        _platform.Hanging = false;
        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: killed with {_platform.Held} acknowledgement(s) in flight");

        // 3. Restarted: every owed acknowledgement reaches the platform once, and every durable handler reaches the head.
        await using (var delivering = new EnkiProcess(Settings(dispatch: true)))
        {
            await delivering.StartAsync(Patience);
            await WaitUntilAsync(async () => _platform.DistinctAcknowledged == Cases && await AllAtHeadAsync(), delivering);
            delivering.Kill(); // the positions are stored: a kill now loses nothing
        }
        Assert.Equal(expected.OrderBy(e => e.Key), _platform.Received.ToDictionary(r => r.AcknowledgedDistributionId, r => r.AcknowledgementId).OrderBy(e => e.Key));
        Assert.Equal(Cases, _platform.Received.Count); // once each
        var durable = (await QueryAsync(db => db.EventHandlerPositions.ToListAsync())).Select(p => p.Handler).ToList();
        Assert.Contains(AcknowledgementHandler, durable);
        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: {Cases} acknowledgements delivered; durable handlers at the head: {string.Join(", ", durable)}");

        // 4. Started once more: nothing is sent again. Handlers take the stream in order, so when a new
        // case's acknowledgement arrives, anything still owed before it would have arrived first.
        const string late = "fr.fire.sis077.cga-077.SC-STREAM-LATE";
        await using (var third = new EnkiProcess(Settings(dispatch: true)))
        {
            await third.StartAsync(Patience);
            await PushAsync(third, [late]);
            await WaitUntilAsync(() => Task.FromResult(_platform.DistinctAcknowledged == Cases + 1), third);
            await third.StopAsync();
        }
        Assert.Equal(Cases + 1, _platform.Received.Count);
        Assert.Equal(DistributionOf(late), _platform.Received[^1].AcknowledgedDistributionId);
        output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0} s: a third start sent only the new case's acknowledgement");
    }

    private static string DistributionOf(string caseId) => $"dist-create-{caseId}-{T0.ToUnixTimeSeconds()}";

    private Dictionary<string, string> Settings(bool dispatch) => new()
    {
        ["Enki__DataPath"] = _data,
        ["Enki__Nexsis__InboundApiKey"] = Key,
        ["Enki__Nexsis__AcknowledgementUrl"] = _platform.Address.ToString(),
        ["Enki__Events__Dispatch"] = dispatch ? "true" : "false",
        ["Enki__Simulator__Enabled"] = "false",
        ["Enki__Demo__Enabled"] = "false",
    };

    private static async Task PushAsync(EnkiProcess enki, IEnumerable<string> cases)
    {
        using var client = new HttpClient { BaseAddress = enki.BaseAddress };
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (caseId, _) =>
        {
            using var answer = await client.PushNexsisAsync(CreateCase(caseId), Key);
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, EnkiProcess enki)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("not reached in time:\n" + enki.Output);
            await Task.Delay(50);
        }
    }

    private Task<int> OwedAsync() => QueryAsync(db => db.Events.CountAsync(e => e.Type == "nexsis.acknowledgement-owed"));

    private Task<long> HeadAsync() => QueryAsync(db => db.Set<EventStreamHead>().Select(h => h.LastSequence).SingleAsync());

    private Task<long> PositionAsync(string handler) =>
        QueryAsync(async db => await db.EventHandlerPositions.Where(p => p.Handler == handler).Select(p => (long?)p.Position).SingleOrDefaultAsync() ?? 0);

    /// <summary>Every durable handler that stored a position is at the stream's head, the acknowledgements' among them.</summary>
    private async Task<bool> AllAtHeadAsync()
    {
        var head = await HeadAsync();
        var positions = await QueryAsync(db => db.EventHandlerPositions.ToListAsync());
        return positions.Any(p => p.Handler == AcknowledgementHandler) && positions.All(p => p.Position == head);
    }

    /// <summary>Reads the process's SQLite file directly, as an operator would after the crash.</summary>
    private async Task<T> QueryAsync<T>(Func<SqliteEnkiDbContext, Task<T>> query)
    {
        await using var db = new SqliteEnkiDbContext(new DbContextOptionsBuilder<SqliteEnkiDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_data, "enki.db")}").Options);
        return await query(db);
    }
}
