namespace Enki.Infrastructure.Hosting;

/// <summary><c>Enki:WebPush:*</c>: how Enki signs its Web Push requests (VAPID, RFC 8292) and how long push services keep them.</summary>
public sealed class WebPushOptions
{
    /// <summary>Who push services may contact about Enki's traffic: a <c>mailto:</c> (or https) address.</summary>
    public string Subject { get; set; } = "mailto:ne-pas-repondre@enki.invalid";

    /// <summary>
    /// The VAPID key pair (base64url: the uncompressed P-256 public point, the 32-byte private scalar). Unset: generated
    /// on first start and kept in the data folder (<c>webpush-vapid.json</c>). Several nodes must share one pair: set both here.
    /// </summary>
    public string? PublicKey { get; set; }

    public string? PrivateKey { get; set; }

    /// <summary>How long a push service keeps a message for a device that is off (TTL).</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Accept subscriptions whose endpoint is http on loopback (tests, a local fake push service). Never in production.</summary>
    public bool AllowLoopbackEndpoints { get; set; }
}
