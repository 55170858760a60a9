using Enki.Infrastructure.Warnings.WebPush;
using Lib.Net.Http.WebPush.Authentication;

namespace Enki.Tests.Warnings.WebPush;

/// <summary>The loopback push service's VAPID check can refuse: another key, another origin, an expired token.</summary>
public sealed class VapidCheckTests
{
    private static readonly Uri Endpoint = new("https://push.example.invalid/abonnement/1");

    [Fact]
    public void Enkis_signed_token_passes_and_a_wrong_key_origin_or_time_does_not()
    {
        var enki = VapidKeys.Generate();
        var intruder = VapidKeys.Generate();
        var now = DateTimeOffset.UtcNow;
        var header = "vapid " + Sign(enki, "https://push.example.invalid");
        var forged = "vapid " + Sign(intruder, "https://push.example.invalid").Replace(intruder.PublicKey, enki.PublicKey, StringComparison.Ordinal);

        Assert.Null(VapidCheck.Problem(header, Endpoint, enki.PublicKey, now));
        Assert.Equal("k is not Enki's public key", VapidCheck.Problem(header, Endpoint, intruder.PublicKey, now));
        Assert.Equal("bad signature", VapidCheck.Problem(forged, Endpoint, enki.PublicKey, now));
        Assert.Equal("aud https://push.example.invalid is not the endpoint's origin",
            VapidCheck.Problem(header, new Uri("https://autre.example.invalid/x"), enki.PublicKey, now));
        Assert.StartsWith("exp ", VapidCheck.Problem(header, Endpoint, enki.PublicKey, now.AddDays(2)));
        Assert.Equal("no vapid scheme", VapidCheck.Problem(null, Endpoint, enki.PublicKey, now));
    }

    private static string Sign(VapidKeys keys, string audience)
    {
        using var vapid = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = "mailto:ne-pas-repondre@enki.invalid" };
        return vapid.GetVapidSchemeAuthenticationHeaderValueParameter(audience);
    }
}
