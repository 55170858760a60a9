using Enki.Domain.Warnings;
using static Enki.Tests.Warnings.WarningSamples;

namespace Enki.Tests.Warnings;

public sealed class AcknowledgementLinkTests
{
    private static readonly Guid Delivery = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid WarningId = Guid.Parse("22222222-2222-2222-2222-222222222222");

    [Fact]
    public void Only_the_hash_of_the_secret_is_kept_and_it_finds_the_link_again()
    {
        var (link, secret) = AcknowledgementLink.Issue(Delivery, WarningId, Now, TimeSpan.FromHours(24));
        Assert.Equal(32, secret.Length); // 24 random bytes in base64url
        Assert.DoesNotContain(secret, link.Hash);
        Assert.Equal(64, link.Hash.Length);
        Assert.Equal(link.Hash, AcknowledgementLink.HashOf(secret));
        Assert.NotEqual(link.Hash, AcknowledgementLink.HashOf(secret + "x"));
        Assert.Equal((Delivery, WarningId, Now.AddHours(24)), (link.DeliveryId, link.WarningId, link.ExpiresAt));
        // SHA-256 of "abc", as published (FIPS 180-2).
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", AcknowledgementLink.HashOf("abc"));
    }

    [Fact]
    public void A_link_serves_once()
    {
        var (link, _) = AcknowledgementLink.Issue(Delivery, WarningId, Now, TimeSpan.FromHours(24));
        Assert.Equal(AcknowledgementLinkState.Valid, link.StateAt(Now.AddMinutes(5)));
        link.Use(Now.AddMinutes(5));
        Assert.Equal(AcknowledgementLinkState.Used, link.StateAt(Now.AddMinutes(6)));
        var refused = Assert.Throws<WarningRefused>(() => link.Use(Now.AddMinutes(6)));
        Assert.Equal("Ce lien a déjà servi. Ouvrez l'avertissement dans Enki pour voir qui l'a acquitté.", refused.Message);
    }

    [Fact]
    public void A_link_expires_at_the_end_of_its_lifetime()
    {
        var (link, _) = AcknowledgementLink.Issue(Delivery, WarningId, Now, TimeSpan.FromHours(24));
        Assert.Equal(AcknowledgementLinkState.Valid, link.StateAt(Now.AddHours(24).AddSeconds(-1)));
        Assert.Equal(AcknowledgementLinkState.Expired, link.StateAt(Now.AddHours(24)));
        var refused = Assert.Throws<WarningRefused>(() => link.Use(Now.AddHours(25)));
        Assert.Equal("Ce lien a expiré. Ouvrez l'avertissement dans Enki pour l'acquitter.", refused.Message);
        Assert.Null(link.UsedAt);
    }

    [Fact]
    public void Two_links_never_share_a_secret() =>
        Assert.NotEqual(AcknowledgementLink.Issue(Delivery, WarningId, Now, TimeSpan.FromHours(1)).Secret,
            AcknowledgementLink.Issue(Delivery, WarningId, Now, TimeSpan.FromHours(1)).Secret);
}
