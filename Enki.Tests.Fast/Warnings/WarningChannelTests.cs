using System.Text.Json;
using System.Text.RegularExpressions;
using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Warnings;
using Enki.Infrastructure.Warnings.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Warnings.WarningsHarness;

namespace Enki.Tests.Warnings;

/// <summary>E-mail and SMS as Enki really sends them: through the mail outbox, through an HTTP gateway on loopback.</summary>
public sealed class WarningChannelTests
{
    internal const string PublicAddress = "https://enki.invalid";

    /// <summary>The real e-mail and SMS channels (SMS to the outbox unless a gateway is set) instead of the harness's pager.</summary>
    internal static WarningsHarness WithRealChannels(Action<Enki.Infrastructure.Hosting.EnkiOptions>? settings = null) => new((services, options) =>
    {
        options.Mail.PublicBaseUrl = PublicAddress;
        settings?.Invoke(options);
        services.AddSingleton<IMailSender, OutboxMailSender>();
        services.AddEnkiWarningChannels(options);
    });

    [Fact]
    public async Task An_urgent_warning_mails_each_person_once_through_the_outbox_even_when_its_delivery_is_handed_again()
    {
        await using var harness = await WithRealChannels().InitializeAsync();
        await harness.RecordUrgenceAbsolueInChellesAsync();
        await harness.DeliverAsync();

        var warning = Assert.Single(await harness.WarningsAsync());
        var emails = warning.Deliveries.Where(d => d.Channel == WarningChannel.Email).OrderBy(d => d.UserId).ToList();
        Assert.Equal(["chelles-adjoint", "chelles-id"], emails.Select(d => d.UserId));
        Assert.All(emails, d => Assert.Equal(DeliveryState.Sent, d.State));
        var mails = await MailsAsync(harness, "chelles");
        Assert.Equal(["chelles-adjoint@test.invalid", "chelles-id@test.invalid"], mails.Select(m => m.Recipient));
        var mine = mails.Single(m => m.Recipient == "chelles-id@test.invalid");
        Assert.Equal($"avertissement:{emails[1].Id}", mine.DeliveryKey);
        Assert.Equal($"[Enki] URGENT Avertissement : {warning.Title}", mine.Subject);
        Assert.Contains("Bonjour Maire de Chelles,", mine.Body);
        Assert.Contains("Lieu : Commune 77108", mine.Body);
        Assert.Matches($"{PublicAddress}/avertissements/acquitter/[A-Za-z0-9_-]{{32}}", mine.Body);

        // As after a crash between the mail and the commit of « envoyée »: the relay hands the deliveries again.
        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            await db.WarningDeliveries.Where(d => d.Channel == WarningChannel.Email)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Pending));
        }
        Assert.Equal(2, await harness.NewRelay().DeliverPendingAsync());
        Assert.Equal(2, (await MailsAsync(harness, "chelles")).Count);
        await using var read = await harness.DbFactory.CreateDbContextAsync();
        Assert.Equal(2, await read.AcknowledgementLinks.CountAsync(l => l.WarningId == warning.Id && emails.Select(e => e.Id).Contains(l.DeliveryId)));
    }

    [Fact]
    public async Task The_sms_gateway_gets_the_configured_headers_and_body_once_even_when_two_relays_run()
    {
        await using var gateway = await new SmsGatewayStub().StartAsync();
        await using var harness = await WithRealChannels(options =>
        {
            options.Sms.Url = gateway.Address.ToString();
            options.Sms.Headers = new() { ["Authorization"] = "Bearer cle-de-test", ["X-Compte"] = "prefecture-77" };
            options.Sms.BodyTemplate = """{"messages":[{"destination":"{to}","content":"{text}","ref":"{id}"}],"sender":"ENKI"}""";
        }).InitializeAsync();

        // Committed « à envoyer » (as the rules handler saves it), then two relays at once and a third one after.
        var rule = (await harness.Queries.RulesAsync(MaireChelles)).Single(r => r.Name == "Décès ou urgence absolue");
        var draft = WarningEvaluation.Match(rule, WarningSamples.VictimsChanged(IncidentVictims.None, WarningSamples.Victims(red: 1)), new FakeFacts())!;
        var warning = Warning.Raise(draft, 999, "Mairie de Chelles", [new("chelles-id", "Maire de Chelles")],
            [new(WarningChannel.Sms, true)], WarningSamples.Now);
        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            db.Warnings.Add(warning);
            await db.SaveChangesAsync();
        }
        var sent = await Task.WhenAll(harness.NewRelay().DeliverPendingAsync(), harness.NewRelay().DeliverPendingAsync());
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, await harness.NewRelay().DeliverPendingAsync());

        var sms = Assert.Single(gateway.Received);
        Assert.Equal("Bearer cle-de-test", sms.Headers["Authorization"]);
        Assert.Equal("prefecture-77", sms.Headers["X-Compte"]);
        Assert.Equal("application/json; charset=utf-8", sms.ContentType);
        using var body = JsonDocument.Parse(sms.Body);
        Assert.Equal("ENKI", body.RootElement.GetProperty("sender").GetString());
        var message = body.RootElement.GetProperty("messages")[0];
        Assert.Equal("+33639980001", message.GetProperty("destination").GetString());
        Assert.Equal(warning.Deliveries.Single().Id.ToString(), message.GetProperty("ref").GetString());
        var text = message.GetProperty("content").GetString()!;
        Assert.Matches($"^Enki URGENT : {Regex.Escape(warning.Title)} Acquitter : {PublicAddress}/avertissements/acquitter/[A-Za-z0-9_-]{{32}}$", text);
        Assert.True(text.Length <= 160, $"{text.Length} caractères");
        Assert.Equal(DeliveryState.Sent, (await harness.WarningsAsync()).Single().Deliveries.Single().State);
    }

    [Fact]
    public async Task Without_a_gateway_the_sms_is_recorded_in_the_outbox_not_sent()
    {
        await using var harness = await WithRealChannels().InitializeAsync();
        await harness.RecordUrgenceAbsolueInChellesAsync();
        await harness.DeliverAsync();
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        var sms = await db.Outbox.AsNoTracking().Where(m => m.Subject == OutboxSmsSender.Subject).OrderBy(m => m.Recipient).ToListAsync();
        Assert.Equal(["+33639980001", "+33639980002"], sms.Select(m => m.Recipient));
        Assert.All(sms, m => Assert.Equal(OutboxStatus.Recorded, m.Status));
        Assert.All(sms, m => Assert.StartsWith("Enki URGENT : ", m.Body));
    }

    internal static async Task<List<OutboxMessage>> MailsAsync(WarningsHarness harness, string who)
    {
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        return (await db.Outbox.AsNoTracking().Where(m => m.Subject != OutboxSmsSender.Subject).ToListAsync())
            .Where(m => m.Recipient.StartsWith(who, StringComparison.Ordinal)).OrderBy(m => m.Recipient).ToList();
    }

    internal static string SecretIn(string text) => Regex.Match(text, "/avertissements/acquitter/([A-Za-z0-9_-]+)").Groups[1].Value;
}
