using System.Security.Cryptography;
using System.Text;

namespace Enki.Domain.Warnings;

/// <summary>Where a link sent by e-mail or SMS stands when someone opens it.</summary>
public enum AcknowledgementLinkState
{
    Valid,
    Unknown,
    Expired,
    Used,
}

/// <summary>
/// The one-tap acknowledgement link of one delivery (e-mail, SMS): a random secret given once to the
/// channel, of which only the hash is kept; it expires, and acknowledges once, for that delivery's
/// person on that delivery's warning and nothing else.
/// </summary>
public sealed class AcknowledgementLink
{
    private AcknowledgementLink() { }

    /// <summary>SHA-256 of the secret, in hexadecimal: the key it is found by.</summary>
    public string Hash { get; private set; } = "";

    public Guid DeliveryId { get; private set; }

    public Guid WarningId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>A new link for a delivery; the secret (returned once, never stored) goes into the message.</summary>
    public static (AcknowledgementLink Link, string Secret) Issue(Guid deliveryId, Guid warningId, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lifetime), "A link must live a while.");
        var secret = Base64Url(RandomNumberGenerator.GetBytes(24));
        return (new AcknowledgementLink
        {
            Hash = HashOf(secret), DeliveryId = deliveryId, WarningId = warningId, CreatedAt = now, ExpiresAt = now + lifetime,
        }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public AcknowledgementLinkState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? AcknowledgementLinkState.Used
        : now >= ExpiresAt ? AcknowledgementLinkState.Expired
        : AcknowledgementLinkState.Valid;

    /// <summary>Spends the link; refused when used already or expired.</summary>
    public void Use(DateTimeOffset now)
    {
        var state = StateAt(now);
        if (state != AcknowledgementLinkState.Valid) throw new WarningRefused(state.French());
        UsedAt = now;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public static class AcknowledgementLinkWords
{
    public static string French(this AcknowledgementLinkState state) => state switch
    {
        AcknowledgementLinkState.Valid => "Lien valide.",
        AcknowledgementLinkState.Expired => "Ce lien a expiré. Ouvrez l'avertissement dans Enki pour l'acquitter.",
        AcknowledgementLinkState.Used => "Ce lien a déjà servi. Ouvrez l'avertissement dans Enki pour voir qui l'a acquitté.",
        _ => "Ce lien n'est pas reconnu. Vérifiez qu'il est complet, ou ouvrez l'avertissement dans Enki.",
    };
}
