using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Microsoft.Extensions.Time.Testing;
using static Enki.Tests.Warnings.WarningSamples;

namespace Enki.Tests.Warnings;

public sealed class WarningLifecycleTests
{
    private static readonly string ChellesKey = MairieChelles.Code;
    private static readonly WarningAccount Mayor = new("maire", "Maire de Chelles");
    private static readonly WarningAccount Deputy = new("adjoint", "Adjoint de Chelles");
    private static readonly WarningRule Urgent = VictimsRule(MairieChelles, Chelles, true, new VictimThreshold(VictimCategory.Red, 1));

    [Fact]
    public void A_raised_warning_waits_in_the_outbox_one_delivery_per_person_and_channel()
    {
        var warning = Warning.Raise(WarningEvaluation.Match(Urgent, VictimsChanged(Enki.Domain.Incidents.IncidentVictims.None, Victims(red: 1)), new FakeFacts())!,
            7, "Mairie de Chelles", [Mayor, Deputy, Mayor], InAppAndSms, Now);
        Assert.Equal(4, warning.Deliveries.Count);
        Assert.All(warning.Deliveries, d => Assert.Equal(DeliveryState.Pending, d.State));
        Assert.Equal(Now.AddMinutes(10), warning.NextEscalationAt);
        Assert.Equal(7, Assert.IsType<WarningRaised>(Assert.Single(warning.PendingEvents())).CauseSequence);
    }

    [Fact]
    public void Delivery_goes_sent_received_read_acknowledged_and_refuses_what_the_table_does_not_list()
    {
        var warning = Raised(Urgent, Mayor);
        var delivery = warning.Deliveries.Single();
        warning.MarkSent(delivery.Id, Now.AddSeconds(1));
        var refused = Assert.Throws<WarningRefused>(() => warning.MarkFailed(delivery.Id, "?", Now)); // sent: no failure afterwards
        Assert.Equal("Impossible de noter en échec une remise à l'état « envoyée ».", refused.Message);
        warning.Seen("maire", DeliveryAction.Receive, Now.AddSeconds(2));
        warning.Seen("maire", DeliveryAction.Read, Now.AddSeconds(3));
        warning.Seen("maire", DeliveryAction.Receive, Now.AddSeconds(4)); // already read: left as it is
        Assert.Equal(DeliveryState.Read, delivery.State);
        Assert.Equal(Now.AddSeconds(2), delivery.ReceivedAt);
        Assert.Throws<WarningRefused>(() => warning.MarkSent(delivery.Id, Now)); // read → sent is not a step
        warning.Acknowledge("maire", "Maire de Chelles", ChellesKey, Now.AddSeconds(5));
        Assert.Equal(DeliveryState.Acknowledged, delivery.State);
        Assert.Equal([DeliveryState.Sent, DeliveryState.Received], DeliveryLifecycle.Table.Where(t => t.To == DeliveryState.Read).Select(t => t.From));
    }

    [Fact]
    public void Anyone_of_the_organisation_acknowledges_for_all_and_only_once()
    {
        var warning = Raised(Urgent, Mayor);
        warning.MarkSent(warning.Deliveries[0].Id, Now);
        // The deputy mayor joined after the warning: same organisation, so they may acknowledge it.
        warning.Acknowledge("adjoint", "Adjoint de Chelles", ChellesKey, Now.AddMinutes(1));
        Assert.True(warning.IsAcknowledged);
        Assert.Equal("Adjoint de Chelles", warning.AcknowledgedByName);
        Assert.Null(warning.NextEscalationAt);
        Assert.Equal(DeliveryState.Sent, warning.Deliveries[0].State); // the mayor's own delivery is untouched
        var again = Assert.Throws<WarningRefused>(() => warning.Acknowledge("maire", "Maire de Chelles", ChellesKey, Now.AddMinutes(2)));
        Assert.StartsWith("Déjà acquitté par Adjoint de Chelles", again.Message);
    }

    [Fact]
    public void Another_commune_cannot_acknowledge()
    {
        var warning = Raised(Urgent, Mayor);
        var guichen = WarningOwner.OrganisationKey(Profile.Mayor, Guichen);
        Assert.False(warning.IsAddressedTo("maire-guichen", guichen));
        Assert.Throws<WarningRefused>(() => warning.Acknowledge("maire-guichen", "Maire de Guichen", guichen, Now));
        Assert.False(warning.IsAcknowledged);
    }

    [Fact]
    public void Unacknowledged_it_escalates_to_the_deputy_then_the_prefectures_duty_officer_each_after_the_delay()
    {
        var clock = new FakeTimeProvider(Now);
        var warning = Raised(Urgent, Mayor);
        var list = new EscalationList(ChellesKey,
        [
            new(WarningOwnerKind.Person, "adjoint", "Adjoint de Chelles"),
            new(WarningOwnerKind.Organisation, "departement:77#Prefecture", "Préfecture 77 — officier de permanence"),
        ]);
        IReadOnlyList<WarningAccount> AccountsOf(EscalationStep step) =>
            step.Kind == WarningOwnerKind.Person ? [Deputy] : [new("pref-1", "Cadre de permanence"), new("pref-2", "Directeur de cabinet")];

        clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        Assert.Null(warning.Escalate(list, AccountsOf, InAppOnly, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("adjoint", warning.Escalate(list, AccountsOf, InAppOnly, clock.GetUtcNow())!.Code);
        Assert.Equal(Now.AddMinutes(20), warning.NextEscalationAt);
        Assert.Null(warning.Escalate(list, AccountsOf, InAppOnly, clock.GetUtcNow())); // not twice at once
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("departement:77#Prefecture", warning.Escalate(list, AccountsOf, InAppOnly, clock.GetUtcNow())!.Code);
        Assert.Null(warning.NextEscalationAt); // list exhausted
        Assert.Equal([0, 1, 2], warning.Recipients.Select(r => r.Level));
        Assert.Equal(["maire", "adjoint", "pref-1", "pref-2"], warning.Deliveries.Select(d => d.UserId));
        Assert.Equal([0, 1, 2, 2], warning.Deliveries.Select(d => d.Level));
        // The préfecture's officer, now a recipient, may acknowledge.
        warning.Acknowledge("pref-2", "Directeur de cabinet", "departement:77#Prefecture", clock.GetUtcNow());
        Assert.True(warning.IsAcknowledged);
    }

    [Fact]
    public void An_acknowledged_warning_does_not_escalate()
    {
        var warning = Raised(Urgent, Mayor);
        warning.MarkSent(warning.Deliveries[0].Id, Now);
        warning.Acknowledge("maire", "Maire de Chelles", ChellesKey, Now.AddMinutes(3));
        var list = new EscalationList(ChellesKey, [new(WarningOwnerKind.Person, "adjoint", "Adjoint")]);
        Assert.Null(warning.Escalate(list, _ => [Deputy], InAppOnly, Now.AddHours(1)));
        Assert.Single(warning.Recipients);
    }

    [Fact]
    public void Quiet_hours_hold_back_interrupting_channels_for_rules_that_are_not_urgent()
    {
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0));
        var night = new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.FromHours(1));
        var sleeper = new WarningAccount("maire", "Maire", quiet, night);
        var calm = VictimsRule(MairieChelles, Chelles, false, new VictimThreshold(VictimCategory.Any, 1));
        var draft = WarningEvaluation.Match(calm, VictimsChanged(Enki.Domain.Incidents.IncidentVictims.None, Victims(green: 1)), new FakeFacts())!;
        var held = Warning.Raise(draft, 1, "Mairie", [sleeper], InAppAndSms, Now);
        var inApp = Assert.Single(held.Deliveries);
        Assert.Equal(WarningChannel.InApp, inApp.Channel);
        Assert.True(inApp.Silent);

        var urgentDraft = WarningEvaluation.Match(Urgent, VictimsChanged(Enki.Domain.Incidents.IncidentVictims.None, Victims(red: 1)), new FakeFacts())!;
        var rung = Warning.Raise(urgentDraft, 2, "Mairie", [sleeper], InAppAndSms, Now);
        Assert.Equal([WarningChannel.InApp, WarningChannel.Sms], rung.Deliveries.Select(d => d.Channel));
        Assert.All(rung.Deliveries, d => Assert.False(d.Silent));
    }
}
