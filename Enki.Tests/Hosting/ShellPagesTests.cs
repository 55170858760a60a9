using System.Net;
using Enki.Tests.Support;

namespace Enki.Tests.Hosting;

[Collection(WebCollection.Name)]
public sealed class ShellPagesTests(ShellPagesTests.Host host) : IClassFixture<ShellPagesTests.Host>
{
    /// <summary>Read-only requests: one host for the class.</summary>
    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory());

    private readonly EnkiWebApplicationFactory _app = host.App;

    [Theory]
    [InlineData("/", "Tableau de bord")]
    [InlineData("/incidents", "Incidents")]
    [InlineData("/crises", "Crises")]
    [InlineData("/mobilisations", "Mobilisations")]
    [InlineData("/administration", "Administration")]
    public async Task Every_navigation_entry_serves_a_french_page(string path, string heading)
    {
        // /carte belongs to the map branch; the access matrix covers it either way.
        using var client = await _app.SignedInAsync("admin");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains($"<title>{heading} — Enki</title>", html);
    }

    [Fact]
    public async Task Unknown_address_answers_404_with_a_french_page()
    {
        using var client = await _app.SignedInAsync("cogic");

        var response = await client.GetAsync("/nulle-part");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_sign_in_page_with_the_address_kept()
    {
        using var client = _app.CreateBrowserLikeClient();

        var response = await client.GetAsync("/crises");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion", response.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=%2Fcrises", response.Headers.Location.Query);
    }

    [Fact]
    public async Task Sign_in_page_is_french_with_validation_messages()
    {
        using var client = _app.CreateBrowserLikeClient();
        var form = await client.GetStringAsync("/compte/connexion");

        var response = await client.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(form),
            ["_handler"] = "connexion",
            ["Input.UserName"] = "",
            ["Input.Password"] = "",
        }));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<title>Connexion — Enki</title>", html);
        Assert.Contains("Saisissez votre identifiant ou votre adresse électronique.", html);
        Assert.Contains("Saisissez votre mot de passe.", html);
    }
}
