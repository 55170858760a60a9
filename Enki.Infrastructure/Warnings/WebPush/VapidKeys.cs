using System.Buffers.Text;
using System.Security.Cryptography;

namespace Enki.Infrastructure.Warnings.WebPush;

/// <summary>A VAPID key pair (RFC 8292) in base64url: the uncompressed P-256 public point (65 bytes) and the private scalar (32 bytes).</summary>
public sealed record VapidKeys(string PublicKey, string PrivateKey)
{
    public static VapidKeys Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return new VapidKeys(Base64Url.EncodeToString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]), Base64Url.EncodeToString(parameters.D!));
    }

    /// <summary>Whether the two halves are well formed and belong together (a pasted pair with a typo fails the start, not every push).</summary>
    public bool IsValid()
    {
        try
        {
            var point = Base64Url.DecodeFromChars(PublicKey);
            var d = Base64Url.DecodeFromChars(PrivateKey);
            if (point.Length != 65 || point[0] != 0x04 || d.Length != 32) return false;
            using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
            var q = key.ExportParameters(false).Q;
            return point.AsSpan(1, 32).SequenceEqual(q.X) && point.AsSpan(33, 32).SequenceEqual(q.Y);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
