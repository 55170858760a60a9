using Enki.Domain.Warnings;
using Enki.Infrastructure.Warnings;
using static Enki.Tests.Warnings.WarningsHarness;

namespace Enki.Tests.Warnings;

/// <summary>From the stream to the people: rules evaluated once per event, deliveries through the outbox once.</summary>
public sealed class WarningDeliveryTests : IAsyncLifetime
{
    private readonly WarningsHarness _harness = new();

    public async Task InitializeAsync() => await _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task An_urgence_absolue_in_Chelles_reaches_both_accounts_of_the_mairie_in_app_and_by_the_pager_once()
    {
        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.DeliverAsync();
        var warning = Assert.Single(await _harness.WarningsAsync());
        Assert.Equal("Décès ou urgence absolue", warning.RuleName);
        Assert.Equal("commune:77108#Maire", warning.OwnerCode);
        Assert.Equal(["chelles-adjoint", "chelles-adjoint", "chelles-id", "chelles-id"], warning.Deliveries.Select(d => d.UserId).Order());
        Assert.All(warning.Deliveries, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(2, _harness.Pager.Sent.Count);
        Assert.Equal((warning.Id, WarningSamples.Now.AddMinutes(10)), Assert.Single(_harness.Scheduled.Jobs));
        await _harness.DeliverAsync(); // the WarningDelivered events reach the screens
        Assert.Equal(2, _harness.Changes.Count(c => c.Kind == WarningChangeKind.Delivered && c.WarningId == warning.Id));
        Assert.Equal(1, await _harness.Queries.UnreadCountAsync(MaireChelles));
    }

    [Fact]
    public async Task An_event_handed_again_after_a_crash_raises_nothing_twice()
    {
        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.DeliverAsync();
        await _harness.RedeliverEverythingAsync();
        Assert.Single(await _harness.WarningsAsync());
        Assert.Equal(2, _harness.Pager.Sent.Count);
    }

    [Fact]
    public async Task Committed_then_crashed_before_sending_is_delivered_once_after_restart()
    {
        // The commit: the warning and its deliveries « à envoyer », as the rules handler saves them; then the process dies.
        var rule = await RuleAsync("Décès ou urgence absolue");
        var draft = WarningEvaluation.Match(rule, WarningSamples.VictimsChanged(Enki.Domain.Incidents.IncidentVictims.None, WarningSamples.Victims(red: 1)),
            new FakeFacts())!;
        var warning = Warning.Raise(draft, 999, "Mairie de Chelles", [new("chelles-id", "Maire de Chelles")],
            [new(WarningChannel.InApp, false), new(WarningChannel.Sms, true)], WarningSamples.Now);
        await using (var db = await _harness.DbFactory.CreateDbContextAsync())
        {
            db.Warnings.Add(warning);
            await db.SaveChangesAsync();
        }
        Assert.Empty(_harness.Pager.Sent);

        // The restart: two relays at once (the start-up pass and the minute job), then another pass.
        var sent = await Task.WhenAll(_harness.NewRelay().DeliverPendingAsync(), _harness.NewRelay().DeliverPendingAsync());
        Assert.Equal(2, sent.Sum());
        Assert.Equal(0, await _harness.NewRelay().DeliverPendingAsync());
        Assert.Equal(warning.Deliveries.Single(d => d.Channel == WarningChannel.Sms).Id, Assert.Single(_harness.Pager.Sent).DeliveryId);
        Assert.All((await _harness.WarningsAsync()).Single().Deliveries, d => Assert.Equal(DeliveryState.Sent, d.State));
    }

    [Fact]
    public async Task Exercises_and_other_communes_raise_nothing_for_Chelles()
    {
        await _harness.RecordAsync(WarningSamples.VictimsChanged(Enki.Domain.Incidents.IncidentVictims.None, WarningSamples.Victims(red: 1), exercise: true));
        await _harness.RecordAsync(WarningSamples.VictimsChanged(Enki.Domain.Incidents.IncidentVictims.None, WarningSamples.Victims(red: 1), commune: "35126"));
        await _harness.DeliverAsync();
        var warning = Assert.Single(await _harness.WarningsAsync());
        Assert.Equal("commune:35126#Maire", warning.OwnerCode);
    }

    [Fact]
    public async Task A_crisis_over_Chelles_logs_who_was_warned_and_who_acknowledged_in_its_main_courante()
    {
        var crisis = Enki.Domain.Crises.Crisis.Open(Prefecture77, "Crue de la Marne", Enki.Domain.Crises.CrisisType.Flood, null,
            [WarningSamples.Chelles], WarningSamples.Now.AddHours(-1), false, WarningSamples.Territories, WarningSamples.Now);
        var elsewhere = Enki.Domain.Crises.Crisis.Open(MaireGuichen, "Guichen", Enki.Domain.Crises.CrisisType.Storm, null,
            [WarningSamples.Guichen], WarningSamples.Now.AddHours(-1), false, WarningSamples.Territories, WarningSamples.Now);
        await using (var db = await _harness.DbFactory.CreateDbContextAsync())
        {
            db.Crises.AddRange(crisis, elsewhere);
            await db.SaveChangesAsync();
        }
        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.DeliverAsync();
        var id = (await _harness.WarningsAsync()).Single().Id;
        Assert.True((await _harness.Commands.AcknowledgeAsync(MaireChelles, id)).Done);

        await using var read = await _harness.DbFactory.CreateDbContextAsync();
        var entries = read.LogbookEntries.Where(e => e.TagList.Contains("|avertissement|")).AsEnumerable().OrderBy(e => e.At).ToList();
        Assert.Equal([crisis.Id, crisis.Id], entries.Select(e => e.CrisisId));
        // The test directory names a commune by its code (the real one says « Chelles (77108) »).
        Assert.Equal("Avertissement urgent « Victimes à 77108 : au moins une urgence absolue » envoyé à Maire — Commune 77108 (2 personne(s)).",
            entries[0].Text);
        Assert.Equal("Avertissement « Victimes à 77108 : au moins une urgence absolue » acquitté par Maire de Chelles.", entries[1].Text);
    }

    [Fact]
    public async Task A_request_without_a_crisis_warns_the_mayor_but_writes_in_no_crisis_over_the_commune()
    {
        // Its issuer chose no crisis (or may only read the one over Chelles): its warning stays out of that main courante.
        var crisis = Enki.Domain.Crises.Crisis.Open(Prefecture77, "Crue de la Marne", Enki.Domain.Crises.CrisisType.Flood, null,
            [WarningSamples.Chelles], WarningSamples.Now.AddHours(-1), false, WarningSamples.Territories, WarningSamples.Now);
        await using (var db = await _harness.DbFactory.CreateDbContextAsync())
        {
            db.Crises.Add(crisis);
            await db.SaveChangesAsync();
        }
        await _harness.RecordAsync(WarningSamples.RequestIssued("77108") with { OccurredAt = _harness.Clock.GetUtcNow() });
        await _harness.DeliverAsync();

        Assert.Contains(await _harness.WarningsAsync(), w => w.SubjectKind == WarningSubjectKind.MobilisationRequest);
        await using var read = await _harness.DbFactory.CreateDbContextAsync();
        Assert.Empty(read.LogbookEntries.Where(e => e.TagList.Contains("|avertissement|")));
    }

    private async Task<WarningRule> RuleAsync(string name) => (await _harness.Queries.RulesAsync(MaireChelles)).Single(r => r.Name == name);
}
