using Enki.Application.Warnings;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Warnings;
using Enki.Infrastructure.Warnings.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Warnings.WarningChannelTests;

namespace Enki.Tests.Warnings;

/// <summary>The one-tap link of an e-mail or SMS: once, before it expires, for its own warning and person only.</summary>
public sealed class WarningLinkAcknowledgementTests : IAsyncLifetime
{
    private readonly WarningsHarness _harness = new((services, options) =>
    {
        options.Warnings.AcknowledgementLinkLifetime = TimeSpan.FromHours(24);
        services.AddSingleton<IMailSender, OutboxMailSender>();
        services.AddEnkiWarningChannels(options);
    });

    private Warning _chelles = null!;
    private Warning _guichen = null!;

    private WarningLinkAcknowledgement Links => _harness.Get<WarningLinkAcknowledgement>();

    public async Task InitializeAsync()
    {
        await _harness.InitializeAsync();
        await _harness.RecordUrgenceAbsolueInChellesAsync();
        await _harness.RecordAsync(WarningSamples.VictimsChanged(Enki.Domain.Incidents.IncidentVictims.None, WarningSamples.Victims(red: 1), commune: "35126")
            with { OccurredAt = _harness.Clock.GetUtcNow() });
        await _harness.DeliverAsync();
        var warnings = await _harness.WarningsAsync();
        _chelles = warnings.Single(w => w.OwnerCode == "commune:77108#Maire");
        _guichen = warnings.Single(w => w.OwnerCode == "commune:35126#Maire");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_mayors_link_acknowledges_Chelles_warning_as_the_mayor_and_leaves_Guichen_alone()
    {
        var secret = SecretIn((await MailsAsync(_harness, "chelles-id")).Single().Body);
        var view = await Links.CheckAsync(secret);
        Assert.Equal((AcknowledgementLinkState.Valid, _chelles.Title, "Maire de Chelles"), (view.State, view.Title, view.PersonName));

        Assert.Equal(WarningOutcome.Ok, await Links.AcknowledgeAsync(secret));

        var after = await _harness.WarningsAsync();
        var chelles = after.Single(w => w.Id == _chelles.Id);
        Assert.Equal(("chelles-id", "Maire de Chelles"), (chelles.AcknowledgedById, chelles.AcknowledgedByName));
        Assert.Null(chelles.NextEscalationAt);
        Assert.Null(after.Single(w => w.Id == _guichen.Id).AcknowledgedAt);
        Assert.Equal(DeliveryState.Acknowledged, chelles.Deliveries.Single(d => d.UserId == "chelles-id" && d.Channel == WarningChannel.InApp).State);
    }

    [Fact]
    public async Task A_link_serves_once_and_a_colleagues_link_is_told_who_acknowledged_first()
    {
        var secret = SecretIn((await MailsAsync(_harness, "chelles-id")).Single().Body);
        Assert.True((await Links.AcknowledgeAsync(secret)).Done);

        var again = await Links.AcknowledgeAsync(secret);
        Assert.Equal(WarningOutcome.Refused("Ce lien a déjà servi. Ouvrez l'avertissement dans Enki pour voir qui l'a acquitté."), again);
        Assert.Equal(AcknowledgementLinkState.Used, (await Links.CheckAsync(secret)).State);

        var deputy = SecretIn((await MailsAsync(_harness, "chelles-adjoint")).Single().Body);
        Assert.Equal(WarningOutcome.Refused("Déjà acquitté par Maire de Chelles."), await Links.AcknowledgeAsync(deputy));
    }

    [Fact]
    public async Task An_expired_or_unknown_link_acknowledges_nothing()
    {
        var guichenSms = await SmsSecretAsync("+33639980003");
        _harness.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(WarningOutcome.Refused("Ce lien a expiré. Ouvrez l'avertissement dans Enki pour l'acquitter."), await Links.AcknowledgeAsync(guichenSms));
        Assert.Equal(AcknowledgementLinkState.Expired, (await Links.CheckAsync(guichenSms)).State);

        var unknown = WarningOutcome.Refused("Ce lien n'est pas reconnu. Vérifiez qu'il est complet, ou ouvrez l'avertissement dans Enki.");
        Assert.Equal(unknown, await Links.AcknowledgeAsync(guichenSms[..^1] + (guichenSms[^1] == 'A' ? 'B' : 'A')));
        Assert.Equal(unknown, await Links.AcknowledgeAsync(_guichen.Id.ToString()));
        Assert.Equal(unknown, await Links.AcknowledgeAsync(null));
        Assert.All(await _harness.WarningsAsync(), w => Assert.Null(w.AcknowledgedAt));
    }

    [Fact]
    public async Task Only_the_hash_is_stored()
    {
        var secret = await SmsSecretAsync("+33639980001");
        await using var db = await _harness.DbFactory.CreateDbContextAsync();
        var hashes = await db.AcknowledgementLinks.Select(l => l.Hash).ToListAsync();
        Assert.DoesNotContain(secret, hashes);
        Assert.Contains(AcknowledgementLink.HashOf(secret), hashes);
    }

    private async Task<string> SmsSecretAsync(string number)
    {
        await using var db = await _harness.DbFactory.CreateDbContextAsync();
        return SecretIn((await db.Outbox.AsNoTracking().SingleAsync(m => m.Recipient == number && m.Subject == OutboxSmsSender.Subject)).Body);
    }
}
