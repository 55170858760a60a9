using Enki.Domain.Warnings;
using Enki.Infrastructure.Mail;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enki.Tests.Warnings;

/// <summary>The e-mail channel to a real SMTP dialogue: an SMTP server on loopback gets each person's message once.</summary>
public sealed class WarningSmtpTests
{
    [Fact]
    public async Task An_urgent_warning_reaches_the_smtp_server_once_per_person_with_its_one_tap_link()
    {
        await using var sink = SmtpSink.Start();
        await using var harness = await WarningChannelTests.WithRealChannels(options =>
        {
            options.Mail.Smtp.Host = "127.0.0.1";
            options.Mail.Smtp.Port = sink.Port;
            options.Mail.Smtp.UseStartTls = false;
        }).InitializeAsync();

        await harness.RecordUrgenceAbsolueInChellesAsync();
        await harness.DeliverAsync();
        await harness.RedeliverEverythingAsync(); // the whole stream handed again: nothing mailed twice

        var warning = Assert.Single(await harness.WarningsAsync());
        // Only the e-mails: the SMS, without a gateway, stay in the outbox (they once left by SMTP to the phone numbers).
        var received = sink.Received.OrderBy(r => r.Recipients[0]).ToList();
        Assert.Equal([["chelles-adjoint@test.invalid"], ["chelles-id@test.invalid"]], received.Select(r => r.Recipients));
        var mine = received[1].Message;
        Assert.Equal($"[Enki] URGENT Avertissement : {warning.Title}", mine.Subject); // « à », « é »: encoded and decoded back
        Assert.Equal("ne-pas-repondre@enki.invalid", mine.From.Mailboxes.Single().Address);
        Assert.Contains("Bonjour Maire de Chelles,", mine.TextBody);
        Assert.Matches($"{WarningChannelTests.PublicAddress}/avertissements/acquitter/[A-Za-z0-9_-]{{32}}", mine.TextBody);
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        var outbox = await db.Outbox.AsNoTracking().Where(m => m.Recipient.StartsWith("chelles")).ToListAsync();
        Assert.Equal(2, outbox.Count);
        Assert.All(outbox, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var sms = await db.Outbox.AsNoTracking().Where(m => m.Subject == Enki.Infrastructure.Warnings.Channels.OutboxSmsSender.Subject).ToListAsync();
        Assert.Equal(2, sms.Count);
        Assert.All(sms, m => Assert.Equal(OutboxStatus.Recorded, m.Status));
        Assert.All(warning.Deliveries.Where(d => d.Channel == WarningChannel.Email), d => Assert.Equal(DeliveryState.Sent, d.State));
    }
}
