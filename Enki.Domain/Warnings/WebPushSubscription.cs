using System.Buffers.Text;

namespace Enki.Domain.Warnings;

/// <summary>
/// One browser's Web Push subscription for a person (RFC 8030/8291): where the push service takes messages
/// for it (<see cref="Endpoint"/>, a capability URL), the browser's P-256 public key and its 16-byte auth
/// secret, both base64url as the browser gives them. A browser profile has one endpoint: whoever subscribes
/// on it last owns it. The endpoint must be https (a push service), or http on loopback when the settings
/// allow it (tests, a local fake push service).
/// </summary>
public sealed class WebPushSubscription
{
    public const int EndpointMaxLength = 800; // a unique index: within SQL Server's 1,700-byte key
    public const int UserAgentMaxLength = 300;

    /// <summary>Devices per person: registering one more forgets the oldest.</summary>
    public const int MaxPerPerson = 10;

    private WebPushSubscription() { }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string Endpoint { get; private set; } = "";

    public string P256dh { get; private set; } = "";

    public string Auth { get; private set; } = "";

    public string? UserAgent { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Checks what the browser sent; refuses in French what no push service would have given.</summary>
    public static WebPushSubscription Create(
        string userId, string? endpoint, string? p256dh, string? auth, string? userAgent, DateTimeOffset now, bool allowLoopback = false)
    {
        if (string.IsNullOrWhiteSpace(userId)) throw new WarningRefused("Personne inconnue.");
        var address = CheckEndpoint(endpoint, allowLoopback);
        if (DecodedLength(p256dh) != 65 || Base64Url.DecodeFromChars(p256dh!)[0] != 0x04)
        {
            throw new WarningRefused("Clé de chiffrement de l'appareil invalide (P-256 attendue).");
        }
        if (DecodedLength(auth) != 16) throw new WarningRefused("Secret d'authentification de l'appareil invalide (16 octets attendus).");
        var agent = string.IsNullOrWhiteSpace(userAgent) ? null : userAgent.Trim();
        if (agent is { Length: > UserAgentMaxLength }) agent = agent[..UserAgentMaxLength];
        return new WebPushSubscription
        {
            Id = Guid.NewGuid(), UserId = userId, Endpoint = address, P256dh = p256dh!, Auth = auth!, UserAgent = agent, CreatedAt = now,
        };
    }

    private static string CheckEndpoint(string? endpoint, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(endpoint) || endpoint.Length > EndpointMaxLength
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new WarningRefused("Adresse d'abonnement invalide.");
        }
        var allowed = uri.Scheme == Uri.UriSchemeHttps || (allowLoopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        if (!allowed) throw new WarningRefused("L'adresse d'abonnement doit être celle d'un service de notification (https).");
        return endpoint;
    }

    private static int DecodedLength(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200) return -1;
        try
        {
            return Base64Url.DecodeFromChars(value).Length;
        }
        catch (FormatException)
        {
            return -1;
        }
    }
}
