using Enki.Application.Warnings;
using Enki.Domain.Incidents;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Warnings;
using Enki.Infrastructure.Warnings.WebPush;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Warnings.WarningsHarness;

namespace Enki.Tests.Warnings.WebPush;

/// <summary>Web Push as Enki sends it (Lib.Net.Http.WebPush, VAPID, aes128gcm) to a push service on loopback that checks and decrypts it.</summary>
public sealed class WebPushChannelTests
{
    private const string Title = "Victimes à 77108 : au moins une urgence absolue";

    /// <summary>The real channels (e-mail, SMS to the outbox, Web Push) and loopback endpoints allowed.</summary>
    internal static WarningsHarness WithWebPush() => new((services, options) =>
    {
        options.Mail.PublicBaseUrl = "https://enki.invalid";
        options.WebPush.AllowLoopbackEndpoints = true;
        services.AddSingleton<IMailSender, OutboxMailSender>();
        services.AddEnkiWarningChannels(options);
    });

    [Fact]
    public async Task An_urgence_absolue_in_Chelles_reaches_the_mayors_device_once_even_when_two_relays_run_and_never_Guichens()
    {
        await using var push = await new PushServiceStub().StartAsync();
        await using var harness = await WithWebPush().InitializeAsync();
        push.VapidPublicKey = harness.Get<VapidKeyStore>().PublicKey;
        var devices = harness.Get<WebPushSubscriptions>();
        Assert.True((await devices.RegisterAsync(MaireChelles, push.NewDevice("chelles"), "Mozilla/5.0 (Linux; Android 14)")).Done);
        Assert.True((await devices.RegisterAsync(MaireGuichen, push.NewDevice("guichen"), null)).Done);

        await harness.RecordUrgenceAbsolueInChellesAsync();
        await harness.DeliverAsync();
        var again = await Task.WhenAll(harness.NewRelay().DeliverPendingAsync(), harness.NewRelay().DeliverPendingAsync());

        Assert.Equal(0, again.Sum());
        Assert.Empty(push.Refused);
        var received = Assert.Single(push.Received);
        Assert.Equal("chelles", received.Device);
        var warning = Assert.Single(await harness.WarningsAsync());
        var delivery = Assert.Single(warning.Deliveries, d => d.Channel == WarningChannel.WebPush); // the deputy has no device
        Assert.Equal(("chelles-id", DeliveryState.Sent), (delivery.UserId, delivery.State));
        var payload = WebPushPayload.FromJson(received.Plaintext)!;
        Assert.Equal("URGENT — " + Title, payload.Title);
        Assert.Equal("1 urgence absolue\nCommune 77108", payload.Body);
        Assert.Equal($"/avertissements/{warning.Id}", payload.Url);
        Assert.Equal(warning.Id, payload.WarningId);
        Assert.Equal("high", received.Headers["Urgency"]);
        Assert.Equal("43200", received.Headers["TTL"]);
        Assert.Equal(delivery.Id.ToString("N"), received.Headers["Topic"]);

        // « Acquitter » on the notification: the token it carried acknowledges as the mayor, once.
        var links = harness.Get<WarningLinkAcknowledgement>();
        Assert.True((await links.AcknowledgeAsync(payload.AckToken)).Done);
        Assert.Equal("Maire de Chelles", (await harness.WarningsAsync()).Single().AcknowledgedByName);
        Assert.False((await links.AcknowledgeAsync(payload.AckToken)).Done);
    }

    [Fact]
    public async Task A_device_the_push_service_says_is_gone_is_forgotten_and_the_next_warning_skips_push()
    {
        await using var push = await new PushServiceStub().StartAsync();
        await using var harness = await WithWebPush().InitializeAsync();
        push.VapidPublicKey = harness.Get<VapidKeyStore>().PublicKey;
        Assert.True((await harness.Get<WebPushSubscriptions>().RegisterAsync(MaireChelles, push.NewDevice("ancien", gone: true), null)).Done);

        await harness.RecordUrgenceAbsolueInChellesAsync();
        await harness.DeliverAsync();

        var delivery = Assert.Single((await harness.WarningsAsync()).Single().Deliveries, d => d.Channel == WarningChannel.WebPush);
        Assert.Equal(DeliveryState.Failed, delivery.State);
        Assert.Equal("Notification non remise : 127.0.0.1 : abonnement expiré, oublié", delivery.LastError);
        await using (var db = await harness.DbFactory.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.WebPushSubscriptions.CountAsync());
            var account = Assert.Single(await WarningAccounts.OfAsync(db, WarningOwnerKind.Person, "chelles-id", harness.Clock.GetUtcNow(), default));
            Assert.Contains(WarningChannel.WebPush, account.Unreachable!);
        }
        Assert.Empty(push.Received);
    }

    [Fact]
    public async Task Quiet_hours_keep_a_warning_that_is_not_urgent_off_the_phone_and_let_an_urgent_one_through()
    {
        await using var push = await new PushServiceStub().StartAsync();
        await using var harness = await WithWebPush().InitializeAsync();
        push.VapidPublicKey = harness.Get<VapidKeyStore>().PublicKey;
        Assert.True((await harness.Get<WebPushSubscriptions>().RegisterAsync(MaireChelles, push.NewDevice("chelles"), null)).Done);
        // 08:00 UTC is 09:00 in Chelles.
        Assert.True((await harness.Commands.SetQuietHoursAsync(MaireChelles, new QuietHours(new(8, 0), new(10, 0)))).Done);

        await harness.RecordAsync(WarningSamples.VictimsChanged(IncidentVictims.None, WarningSamples.Victims(yellow: 1)) with { OccurredAt = harness.Clock.GetUtcNow() });
        await harness.DeliverAsync();
        var quiet = Assert.Single(await harness.WarningsAsync());
        Assert.False(quiet.Urgent);
        Assert.DoesNotContain(quiet.Deliveries, d => d.UserId == "chelles-id" && d.Channel == WarningChannel.WebPush);
        Assert.Empty(push.Received);

        await harness.RecordAsync(WarningSamples.VictimsChanged(WarningSamples.Victims(yellow: 1), WarningSamples.Victims(red: 1, yellow: 1))
            with { OccurredAt = harness.Clock.GetUtcNow() });
        await harness.DeliverAsync();
        var urgent = (await harness.WarningsAsync()).Single(w => w.Urgent);
        Assert.Equal(DeliveryState.Sent, Assert.Single(urgent.Deliveries, d => d.Channel == WarningChannel.WebPush).State);
        Assert.Equal("URGENT — " + Title, WebPushPayload.FromJson(Assert.Single(push.Received).Plaintext)!.Title);
    }
}
