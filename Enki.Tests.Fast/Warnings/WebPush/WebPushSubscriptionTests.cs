using Enki.Application.Warnings;
using Enki.Domain.Access;
using Microsoft.EntityFrameworkCore;
using static Enki.Tests.Warnings.WarningsHarness;

namespace Enki.Tests.Warnings.WebPush;

/// <summary>A person's devices: theirs only, from a push service only.</summary>
public sealed class WebPushSubscriptionTests
{
    private static readonly WebPushDevice Phone = new("https://push.example.invalid/abonnement/chelles",
        "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4", "BTBZMqHH6r4Tts7J_aSIgg");

    [Fact]
    public async Task The_mayor_of_Guichen_cannot_unregister_the_mayor_of_Chelles_device()
    {
        await using var harness = await new WarningsHarness().InitializeAsync();
        var devices = harness.Get<WebPushSubscriptions>();
        Assert.True((await devices.RegisterAsync(MaireChelles, Phone, "Mozilla/5.0")).Done);

        var refused = await devices.UnregisterAsync(MaireGuichen, Phone.Endpoint);

        Assert.Equal(WarningOutcome.Refused("Abonnement introuvable pour cet appareil."), refused);
        Assert.Equal((1, 0), (await devices.CountAsync(MaireChelles), await devices.CountAsync(MaireGuichen)));
        Assert.False(await devices.IsRegisteredAsync(MaireGuichen, Phone.Endpoint));
        Assert.True((await devices.UnregisterAsync(MaireChelles, Phone.Endpoint)).Done);
        Assert.Equal(0, await devices.CountAsync(MaireChelles));
    }

    [Fact]
    public async Task A_browser_belongs_to_whoever_subscribed_on_it_last()
    {
        await using var harness = await new WarningsHarness().InitializeAsync();
        var devices = harness.Get<WebPushSubscriptions>();
        Assert.True((await devices.RegisterAsync(MaireChelles, Phone, null)).Done);
        Assert.True((await devices.RegisterAsync(MaireChelles, Phone, null)).Done); // the switch again: still one

        Assert.True((await devices.RegisterAsync(AdjointChelles, Phone, null)).Done);

        Assert.Equal((0, 1), (await devices.CountAsync(MaireChelles), await devices.CountAsync(AdjointChelles)));
    }

    [Theory]
    [InlineData("http://push.example.invalid/x", "L'adresse d'abonnement doit être celle d'un service de notification (https).")]
    [InlineData("http://127.0.0.1:5000/x", "L'adresse d'abonnement doit être celle d'un service de notification (https).")]
    [InlineData("https://user:secret@push.example.invalid/x", "Adresse d'abonnement invalide.")]
    [InlineData("pas une adresse", "Adresse d'abonnement invalide.")]
    public async Task Only_a_push_service_address_is_taken(string endpoint, string refusal)
    {
        await using var harness = await new WarningsHarness().InitializeAsync();

        var outcome = await harness.Get<WebPushSubscriptions>().RegisterAsync(MaireChelles, Phone with { Endpoint = endpoint }, null);

        Assert.Equal(WarningOutcome.Refused(refusal), outcome);
    }

    [Fact]
    public async Task Keys_a_browser_would_not_give_and_accounts_without_warnings_are_refused()
    {
        await using var harness = await new WarningsHarness().InitializeAsync();
        var devices = harness.Get<WebPushSubscriptions>();

        Assert.Equal("Clé de chiffrement de l'appareil invalide (P-256 attendue).",
            (await devices.RegisterAsync(MaireChelles, Phone with { P256dh = "AAAA" }, null)).Refusal);
        Assert.Equal("Secret d'authentification de l'appareil invalide (16 octets attendus).",
            (await devices.RegisterAsync(MaireChelles, Phone with { Auth = Phone.P256dh }, null)).Refusal);
        var partner = new Viewer("", "Partenaire", null, Jurisdiction.Department("77"));
        Assert.Equal("Ce compte ne reçoit pas d'avertissements.", (await devices.RegisterAsync(partner, Phone, null)).Refusal);
        await using var db = await harness.DbFactory.CreateDbContextAsync();
        Assert.Equal(0, await db.WebPushSubscriptions.CountAsync());
    }
}
