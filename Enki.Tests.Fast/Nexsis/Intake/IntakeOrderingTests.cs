using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Tests.Geography;
using Microsoft.EntityFrameworkCore;
using static Enki.Tests.Nexsis.Intake.TestMessages;
using Enki.Tests.Support;

namespace Enki.Tests.Nexsis.Intake;

/// <summary>
/// Each aspect of an incident follows the senders' own clocks, never Enki's receipt time: the later
/// sender time wins, and a tie keeps the arrival order.
/// </summary>
[Collection(GeographyCollection.Name)]
public class IntakeOrderingTests : IAsyncLifetime
{
    public IntakeOrderingTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    // The same tests on PostgreSQL: Persistence/Postgres.
    protected IntakeOrderingTests(GeographyFixture geography, TestEngine engine) => _intake = new(geography.Geography, engine: engine);

    private const string Case = "fr.fire.sis077.cga-077.SC-20261128-077-O001";
    private readonly IntakeHarness _intake;

    public Task InitializeAsync() => _intake.InitializeAsync();

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private Task<Incident> IncidentAsync(string caseId = Case) =>
        _intake.QueryAsync(db => db.Incidents.SingleAsync(i => i.CaseId == caseId));

    [SkippableFact]
    public async Task An_emsi_timed_before_enki_received_the_bare_case_still_moves_its_status()
    {
        var now = _intake.Clock.GetUtcNow();
        await _intake.PushAsync(BareCreateCase(Case, now.AddMinutes(-1)));
        await _intake.DrainAsync();
        _intake.Clock.Advance(TimeSpan.FromSeconds(2));

        await _intake.PushAsync(Situation(Case, "IPR", now.AddSeconds(-5), red: 1));
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(IncidentStatus.InProgress, incident.Status);
        Assert.Equal(1, incident.Victims.Red);
    }

    [SkippableFact]
    public async Task A_newer_emsi_of_the_same_status_moves_the_clock_so_an_older_one_cannot_win_afterwards()
    {
        await _intake.PushAsync(CreateCase(Case));
        await _intake.PushAsync(Situation(Case, "IPR", T0.AddMinutes(10)));
        await _intake.PushAsync(Situation(Case, "IPR", T0.AddMinutes(30)));
        await _intake.PushAsync(Situation(Case, "STOP", T0.AddMinutes(20)));
        await _intake.DrainAsync();

        Assert.Equal(IncidentStatus.InProgress, (await IncidentAsync()).Status);
    }

    [SkippableFact]
    public async Task Two_emsi_with_the_same_sender_time_keep_their_arrival_order_even_when_the_first_waited_for_its_case()
    {
        var at = T0.AddMinutes(10);
        await _intake.PushAsync(Situation(Case, "STOP", at, red: 1));   // arrives first, waits for its case
        await _intake.DrainAsync();
        await _intake.PushAsync(CreateCase(Case));
        await _intake.PushAsync(Situation(Case, "IPR", at, red: 2));     // same sender time, arrives later: wins
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(IncidentStatus.InProgress, incident.Status);
        Assert.Equal(2, incident.Victims.Red);
    }

    [SkippableFact]
    public async Task An_emsi_reusing_a_context_id_already_seen_applies_as_the_newer_state_of_that_context()
    {
        await _intake.PushAsync(CreateCase(Case));
        await _intake.PushAsync(Situation(Case, "IPR", T0.AddMinutes(10), red: 1, contextId: "fr.health.samu770.emsi.42"));
        await _intake.DrainAsync();

        // The operator completes the same EMSI: same CONTEXT.ID, fuller content.
        await _intake.PushAsync(Situation(Case, "STOP", T0.AddMinutes(10), red: 3, evacuated: 12, contextId: "fr.health.samu770.emsi.42"));
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(IncidentStatus.Suspended, incident.Status);
        Assert.Equal((3, 12), (incident.Victims.Red, incident.Victims.Evacuated));
        Assert.Equal(3, incident.Timeline.Count);
    }

    [SkippableFact]
    public async Task A_resend_of_an_update_quarantined_as_orphaned_applies_once_its_case_exists()
    {
        var update = Situation(Case, "IPR", T0.AddMinutes(30), red: 4);
        await _intake.PushAsync(update);
        await _intake.DrainAsync();
        _intake.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await _intake.Processor.ExpireWaitingUpdatesAsync());

        await _intake.PushAsync(CreateCase(Case));
        await _intake.DrainAsync();
        var resent = await _intake.PushAsync(update);
        await _intake.DrainAsync();

        Assert.False(resent.Duplicate);
        var incident = await IncidentAsync();
        Assert.Equal((IncidentStatus.InProgress, 4), (incident.Status, incident.Victims.Red));
        Assert.All(await _intake.QueryAsync(db => db.NexsisInbox.ToListAsync()), m => Assert.Equal(InboxState.Processed, m.State));

        // Sent once more after it applied: now truly a duplicate, with one effect.
        Assert.True((await _intake.PushAsync(update)).Duplicate);
    }

    /// <summary>
    /// Property: whatever the arrival order, the batches, the skew of Enki's clock against the senders
    /// and the skew between senders, the status and the victims are those of the message with the
    /// latest sender time (ties: the later arrival).
    /// </summary>
    [SkippableFact]
    public async Task Status_and_victims_follow_the_senders_clocks_over_shuffled_orders_and_clock_skews()
    {
        var random = new Random(20261128);
        var failures = new List<string>();
        for (var run = 0; run < 60; run++)
        {
            var caseId = $"fr.fire.sis077.cga-077.SC-P{run:000}";
            var scenario = Scenario.Generate(random, caseId);
            var arrival = scenario.Messages.OrderBy(_ => random.Next()).ToList();

            // Enki's clock runs anywhere from 20 min behind to 20 min ahead of the senders.
            var skew = TimeSpan.FromSeconds(random.Next(-1200, 1200));
            foreach (var message in arrival)
            {
                var receipt = message.SenderTime + skew + TimeSpan.FromSeconds(random.Next(0, 90));
                _intake.Clock.SetUtcNow(receipt > _intake.Clock.GetUtcNow() ? receipt : _intake.Clock.GetUtcNow().AddMilliseconds(1));
                await _intake.PushAsync(message.Payload);
                if (random.Next(3) == 0)
                {
                    await _intake.DrainAsync();
                }
            }
            await _intake.DrainAsync();

            var expected = arrival.Select((m, index) => (m, index))
                .OrderBy(x => x.m.SenderTime).ThenBy(x => x.index).Last().m;
            var expectedVictims = arrival.Select((m, index) => (m, index)).Where(x => x.m.Red is not null)
                .OrderBy(x => x.m.SenderTime).ThenBy(x => x.index).Select(x => x.m.Red).LastOrDefault() ?? 0;
            var incident = await IncidentAsync(caseId);
            if (incident.Status != expected.Status || incident.Victims.Red != expectedVictims)
            {
                failures.Add($"run {run}: {incident.Status}/{incident.Victims.Red} instead of {expected.Status}/{expectedVictims}; " +
                             $"skew {skew}; arrival {string.Join(", ", arrival.Select(m => m.Describe(scenario.Start)))}");
            }
        }
        var quarantined = await _intake.QueryAsync(db => db.NexsisInbox.Where(m => m.State != InboxState.Processed)
            .Select(m => m.Reason).ToListAsync());

        Assert.Empty(quarantined);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed record TimedMessage(byte[] Payload, DateTimeOffset SenderTime, IncidentStatus Status, int? Red, string Kind)
    {
        public string Describe(DateTimeOffset start) => $"{Kind}@{(SenderTime - start).TotalSeconds:+0;-0}s";
    }

    private sealed record Scenario(DateTimeOffset Start, List<TimedMessage> Messages)
    {
        /// <summary>A case (bare or in an envelope) and 1-6 EMSI walking the lifecycle, some timed before the case (skew between senders), some tied.</summary>
        public static Scenario Generate(Random random, string caseId)
        {
            var start = T0.AddHours(random.Next(0, 48));
            var messages = new List<TimedMessage>
            {
                random.Next(2) == 0
                    ? new(BareCreateCase(caseId, start), start, IncidentStatus.Reported, null, "case")
                    : new(CreateCase(caseId, sentAt: start), start, IncidentStatus.Reported, null, "case"),
            };
            // Between senders, the first EMSI may be timed up to 2 min before the case.
            var at = start.AddSeconds(random.Next(-120, 60));
            var status = "IPR";
            var count = random.Next(1, 7);
            for (var i = 0; i < count; i++)
            {
                var red = random.Next(0, 9);
                var payload = Situation(caseId, status, at, red: red, contextId: $"emsi-{caseId}-{i}");
                messages.Add(new(payload, at, Of(status), red, status));
                status = Next(random, status);
                at = at.AddSeconds(random.Next(3) == 0 ? 0 : random.Next(1, 600)); // a third of the steps tie
            }
            return new Scenario(start, messages);
        }

        private static string Next(Random random, string status) => status switch
        {
            "IPR" => random.Next(2) == 0 ? "STOP" : "COM",
            "STOP" => random.Next(2) == 0 ? "IPR" : "COM",
            _ => "IPR", // a completed fire rekindles
        };

        private static IncidentStatus Of(string status) => status switch
        {
            "IPR" => IncidentStatus.InProgress,
            "STOP" => IncidentStatus.Suspended,
            _ => IncidentStatus.Completed,
        };
    }
}
