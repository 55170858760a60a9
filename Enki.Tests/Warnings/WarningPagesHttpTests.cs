using System.Net;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Warnings;

/// <summary>
/// On the real app: an urgence absolue in Chelles warns its mayor by e-mail and SMS (both in the outbox: no SMTP,
/// no gateway); the e-mail's link acknowledges without signing in, once; a foreign warning's page is a 404.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WarningPagesHttpTests(WarningPagesHttpTests.Host host) : IClassFixture<WarningPagesHttpTests.Host>
{
    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory().With("Enki:Mail:PublicBaseUrl", "https://enki.invalid"));

    private readonly EnkiWebApplicationFactory _app = host.App;

    [Theory]
    [InlineData("maire-chelles", HttpStatusCode.OK)]
    [InlineData("prefecture77", HttpStatusCode.OK)]
    [InlineData("maire-guichen", HttpStatusCode.NotFound)]
    [InlineData("prefecture35", HttpStatusCode.NotFound)]
    public async Task A_warning_page_is_a_404_outside_its_recipients_and_supervisors(string user, HttpStatusCode expected)
    {
        var warning = await _app.RaiseUrgenceAbsolueInChellesAsync();
        using var client = await _app.SignedInAsync(user);

        var response = await client.GetAsync($"/avertissements/{warning.Id}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Contains(warning.Title));
    }

    [Fact]
    public async Task The_mayor_acknowledges_from_the_mails_link_in_one_tap_without_signing_in_and_only_once()
    {
        var warning = await _app.RaiseUrgenceAbsolueInChellesAsync();
        var mail = await _app.OutboxOfAsync(warning, m => m.Recipient == "maire-chelles@demo.enki.invalid");
        Assert.Contains("https://enki.invalid/avertissements/acquitter/", mail.Body);
        var link = new Uri(WarningsOnTheApp.LinkPathIn(mail.Body), UriKind.Relative);
        var sms = await _app.OutboxOfAsync(warning, m => m.Recipient == "+33639980108");
        Assert.Contains("Acquitter : https://enki.invalid/avertissements/acquitter/", sms.Body);
        using var anonymous = _app.CreateBrowserLikeClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(link));
        Assert.Contains(warning.Title, page);
        Assert.Contains("Destinataire : Maire de Chelles", page);
        Assert.Null(await AcknowledgedByAsync(warning.Id)); // opening the link acknowledges nothing

        var tap = await anonymous.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(page), ["_handler"] = "acquitter",
        }));
        Assert.Contains("Avertissement acquitté.", WebUtility.HtmlDecode(await tap.Content.ReadAsStringAsync()));
        Assert.Equal("Maire de Chelles", await AcknowledgedByAsync(warning.Id));

        var again = WebUtility.HtmlDecode(await anonymous.GetStringAsync(link));
        Assert.Contains("Ce lien a déjà servi.", again);
        var unknown = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/avertissements/acquitter/pas-un-vrai-jeton"));
        Assert.Contains("Ce lien n'est pas reconnu.", unknown);
    }

    private async Task<string?> AcknowledgedByAsync(Guid warningId)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await db.Warnings.AsNoTracking().Where(w => w.Id == warningId).Select(w => w.AcknowledgedByName).SingleAsync();
    }
}
