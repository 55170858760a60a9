using Enki.Domain.Geography;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Messages;
using Enki.Simulator;
using Enki.Tests.Geography;

namespace Enki.Tests.Nexsis.Simulator;

/// <summary>
/// Four weeks of ordinary history before the scenarios: 1 incident an hour per department on average
/// (0.5 at 02:00, 1.5 at 14:00, Paris time), two messages each (creation, then « terminé »), nobody hurt.
/// Expected by hand: 28 days × 24 h × 1 = 672 incidents per department, give or take 4 Poisson deviations (√672 ≈ 26).
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class BackgroundTrafficTests(GeographyFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 7, 0, 0, TimeSpan.Zero);
    private readonly NexsisMessageReader _reader = new();

    [Fact]
    public void Four_weeks_of_ordinary_history_come_after_the_scenarios_first_messages()
    {
        var feed = new SimulatedFeed(run: "bg7");
        var options = new SimulatorOptions { Seed = 7, MalformedShare = 0, ExerciseShare = 0 };
        var engine = new ScenarioEngine(feed, fixture.Geography, options, Start, history: TimeSpan.FromDays(28));
        Assert.True(engine.HistoryPending > 2000, $"{engine.HistoryPending} messages of history");

        engine.AdvanceTo(Start.AddMinutes(20));

        Assert.Equal(0, engine.HistoryPending);
        var messages = feed.Snapshot().Select(e => Assert.IsType<NexsisReadSuccess>(_reader.Read(e.Payload)).Messages.Single()).ToList();
        var created = messages.OfType<CaseCreated>().Where(c => c.CreatedAt < Start).ToList();
        var closed = messages.OfType<SituationUpdated>().Where(s => s.CreatedAt < Start.AddMinutes(20) && s.Status == EmsiEventStatus.Completed).ToList();
        var firstOfHistory = messages.FindIndex(m => m is CaseCreated c && c.CreatedAt < Start);

        Assert.True(firstOfHistory > 0, "the scenarios' backfill is taken in first, so the crisis shows at once");
        Assert.All(created, c => Assert.InRange(c.CreatedAt, Start.AddDays(-28), Start));
        foreach (var department in new[] { "77", "35" })
        {
            Assert.InRange(created.Count(c => c.CaseId.StartsWith($"fr.fire.SDIS{department}.", StringComparison.Ordinal)), 672 - 104, 672 + 104);
        }
        // 28 days × 3 hours × 2 departments: about 247 incidents between 13:00 and 16:00, about 89 between 01:00 and 04:00.
        int Between(int from, int to) => created.Count(c => TerritoryClock.Local(c.CreatedAt, TerritoryClock.Paris).Hour is var h && h >= from && h < to);
        Assert.True(Between(13, 16) > 2 * Between(1, 4), $"{Between(13, 16)} by day, {Between(1, 4)} by night");
        Assert.True(closed.Count >= created.Count - 10, $"{closed.Count} closed of {created.Count}");
        Assert.All(closed, s => Assert.All(s.Casualties, t => Assert.Equal(0, (t.Red ?? 0) + (t.Yellow ?? 0) + (t.Green ?? 0) + (t.Black ?? 0))));
    }

    [Fact]
    public void Without_history_the_engine_plays_the_scenarios_alone()
    {
        var feed = new SimulatedFeed(run: "bg8");
        var engine = new ScenarioEngine(feed, fixture.Geography, new SimulatorOptions { Seed = 7, MalformedShare = 0, ExerciseShare = 0 }, Start);

        engine.AdvanceTo(Start.AddMinutes(20));

        Assert.Equal(0, engine.HistoryPending);
        Assert.DoesNotContain(feed.Snapshot().Select(e => _reader.Read(e.Payload)).OfType<NexsisReadSuccess>().SelectMany(r => r.Messages).OfType<CaseCreated>(),
            c => c.CreatedAt < Start);
    }
}
