using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Enki.Tests.Warnings.WebPush;

/// <summary>The test's own browser-side decryption, proved first on the example of RFC 8291, Appendix A (values copied from the RFC).</summary>
public sealed class PushDecryptionTests
{
    private const string UaPrivate = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private const string UaPublic = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private const string AuthSecret = "BTBZMqHH6r4Tts7J_aSIgg";
    private const string Body =
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    [Fact]
    public void The_rfc_8291_example_decrypts_to_its_watermelon()
    {
        using var ua = PushDecryption.PrivateKey(UaPrivate, UaPublic);

        var plaintext = PushDecryption.Decrypt(Base64Url.DecodeFromChars(Body), ua, Base64Url.DecodeFromChars(AuthSecret));

        Assert.Equal("When I grow up, I want to be a watermelon", Encoding.UTF8.GetString(plaintext));
    }

    [Fact]
    public void One_changed_byte_or_another_auth_secret_is_refused()
    {
        using var ua = PushDecryption.PrivateKey(UaPrivate, UaPublic);
        var tampered = Base64Url.DecodeFromChars(Body);
        tampered[^20] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => PushDecryption.Decrypt(tampered, ua, Base64Url.DecodeFromChars(AuthSecret)));
        Assert.ThrowsAny<CryptographicException>(() => PushDecryption.Decrypt(Base64Url.DecodeFromChars(Body), ua, new byte[16]));
    }
}
