using System.Net;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Warnings.Channels;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Warnings.WebPush;

/// <summary>
/// Web Push to each of the person's subscribed devices (Lib.Net.Http.WebPush: aes128gcm, VAPID), through the named
/// resilient client. It rings a phone, so quiet hours hold it back for rules that are not urgent. The delivery id is the
/// message's Topic: a retry replaces, at the push service, a message the device has not fetched yet. An endpoint the
/// push service says is gone (404, 410) is forgotten; the delivery fails only when no device took it.
/// </summary>
public sealed class WebPushWarningChannel(
    IDbContextFactory<EnkiDbContext> dbFactory, IHttpClientFactory clients, VapidKeyStore keys, AcknowledgementLinks links, EnkiOptions options,
    ILogger<WebPushWarningChannel> logger) : IWarningChannel
{
    public const string ClientName = "webpush";

    public WarningChannel Channel => WarningChannel.WebPush;

    public bool Interrupts => true;

    public async Task SendAsync(WarningMessage message, CancellationToken cancellationToken)
    {
        List<WebPushSubscription> devices;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            devices = await db.WebPushSubscriptions.AsNoTracking().Where(s => s.UserId == message.UserId).ToListAsync(cancellationToken);
        }
        if (devices.Count == 0) throw new InvalidOperationException($"Aucun appareil abonné pour {message.UserName}.");

        var token = await links.IssueSecretAsync(message, cancellationToken);
        var json = WebPushPayload.Of(message, token).ToJson();
        using var vapid = new VapidAuthentication(keys.PublicKey, keys.Keys.PrivateKey) { Subject = options.WebPush.Subject };
        var client = new PushServiceClient(clients.CreateClient(ClientName))
        {
            DefaultAuthentication = vapid, DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            DefaultTimeToLive = (int)options.WebPush.TimeToLive.TotalSeconds,
        };
        var failures = new List<string>();
        var delivered = 0;
        foreach (var device in devices)
        {
            var subscription = new PushSubscription { Endpoint = device.Endpoint };
            subscription.SetKey(PushEncryptionKeyName.P256DH, device.P256dh);
            subscription.SetKey(PushEncryptionKeyName.Auth, device.Auth);
            var push = new PushMessage(json)
            {
                Topic = message.DeliveryId.ToString("N"), Urgency = message.Urgent ? PushMessageUrgency.High : PushMessageUrgency.Normal,
            };
            try
            {
                await client.RequestPushMessageDeliveryAsync(subscription, push, cancellationToken);
                delivered++;
            }
            catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                await ForgetAsync(device.Id, cancellationToken);
                failures.Add($"{Host(device)} : abonnement expiré, oublié");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Web Push to {Host} failed", Host(device));
                failures.Add($"{Host(device)} : {ex.Message}");
            }
        }
        if (delivered == 0) throw new InvalidOperationException($"Notification non remise : {string.Join(" ; ", failures)}");
    }

    private async Task ForgetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.WebPushSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Host(WebPushSubscription device) => Uri.TryCreate(device.Endpoint, UriKind.Absolute, out var uri) ? uri.Host : "?";
}
