using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Enki.Tests.Warnings.WebPush;

/// <summary>What a push service checks of <c>Authorization: vapid t=…, k=…</c> (RFC 8292): an ES256 JWT for its origin, not expired, signed by k.</summary>
internal static class VapidCheck
{
    /// <summary>Null when the header is right, else why not.</summary>
    public static string? Problem(string? authorization, Uri endpoint, string expectedKey, DateTimeOffset now)
    {
        if (authorization is null || !authorization.StartsWith("vapid ", StringComparison.Ordinal)) return "no vapid scheme";
        var parameters = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parameters.TryGetValue("t", out var jwt) || !parameters.TryGetValue("k", out var k)) return "t or k missing";
        if (k != expectedKey) return "k is not Enki's public key";
        var parts = jwt.Split('.');
        if (parts.Length != 3) return "not a JWS";
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "ES256") return "alg is not ES256";
        var point = Base64Url.DecodeFromChars(k);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
        var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        if (!key.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return "bad signature";
        }
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var aud = claims.RootElement.GetProperty("aud").GetString();
        // The origin; Lib.Net.Http.WebPush leaves a non-default port out (scheme://host), which is the origin of every real
        // push service (https on 443) but not of this loopback one: that form is taken too, any other refused.
        if (aud != endpoint.GetLeftPart(UriPartial.Authority) && aud != $"{endpoint.Scheme}://{endpoint.Host}") return $"aud {aud} is not the endpoint's origin";
        var exp = DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("exp").GetInt64());
        if (exp <= now || exp > now.AddHours(24)) return $"exp {exp:O} not within the next 24 h";
        if (!claims.RootElement.TryGetProperty("sub", out var sub) || !sub.GetString()!.StartsWith("mailto:", StringComparison.Ordinal)) return "sub missing";
        return null;
    }
}
