using Enki.Application.Accounts;
using System.Net;
using System.Text.Json;
using Enki.Domain.Access;
using Enki.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enki.Tests.Access;

/// <summary>
/// Whatever anyone sends to the public paths (sign-in, external sign-in, health, invitations), the
/// answer is French, never a 500, and tells nothing of the server's insides.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PublicErrorAnswersTests(PublicErrorAnswersTests.Host host) : IClassFixture<PublicErrorAnswersTests.Host>
{
    private const string Secret = "Server=db-interne;Password=secret-de-test";

    /// <summary>
    /// One host for the class, on real Kestrel: it refuses what the test server lets through (a non-ASCII
    /// Location header). Each test uses its own clients; the one invitation is used by one test only.
    /// </summary>
    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory()
        .WithServices(services => services.AddHealthChecks()
            .AddCheck("annuaire-externe", () => HealthCheckResult.Unhealthy("échec", new InvalidOperationException(Secret)))), kestrel: true);

    private readonly EnkiWebApplicationFactory _app = host.App;
    private readonly Uri _base = host.BaseAddress;

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _base };

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync(userName, SignInClient.DemoPassword)).StatusCode);
        return client;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private string LocalPart(HttpResponseMessage response) =>
        response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;

    [Fact]
    public async Task A_non_ascii_return_url_is_followed_encoded()
    {
        using var client = Client();

        var response = await client.PostSignInAsync("cogic", SignInClient.DemoPassword, "/incidents?commune=Évry-Courcouronnes&x=日本");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/incidents?commune=%C3%89vry-Courcouronnes&x=%E6%97%A5%E6%9C%AC", LocalPart(response));
    }

    [Theory]
    [InlineData("//exemple.org/piege")]
    [InlineData("/\\exemple.org/piege")]
    [InlineData("\\\\exemple.org/piege")]
    [InlineData("https://exemple.org/piege")]
    [InlineData("http:exemple.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" //exemple.org")]
    [InlineData("/\t/exemple.org")]
    [InlineData("/\r\n/exemple.org")]
    [InlineData("／／exemple.org")]
    [InlineData("%2F%2Fexemple.org")]
    [InlineData("exemple.org")]
    public async Task Open_redirect_variants_of_return_url_land_on_the_home_page(string returnUrl)
    {
        using var client = Client();

        var response = await client.PostSignInAsync("cogic", SignInClient.DemoPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = LocalPart(response);
        Assert.True(location == "/" || (location.StartsWith('/') && location[1] is not ('/' or '\\')), location);
        Assert.Equal(_base.Host, new Uri(_base, location).Host);
    }

    [Fact]
    public async Task External_sign_in_without_single_sign_on_answers_in_french()
    {
        using var client = Client();

        var start = await client.GetAsync("/compte/connexion-externe?returnUrl=%2Fincidents");
        var back = await client.GetAsync("/compte/connexion-externe/retour");

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var page = await TextAsync(await client.GetAsync(LocalPart(start)));
        Assert.Contains("La connexion par identité externe n'est pas proposée", page);
    }

    [Fact]
    public async Task Health_hides_exception_texts_from_anonymous_callers_and_shows_them_to_administrators()
    {
        using var anonymous = Client();
        using var sdis = await SignedInAsync("sdis77");
        using var admin = await SignedInAsync("admin");

        var forAnyone = await anonymous.GetAsync("/health");
        var forSdis = await (await sdis.GetAsync("/health")).Content.ReadAsStringAsync();
        var forAdmin = await (await admin.GetAsync("/health")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, forAnyone.StatusCode);
        var body = await forAnyone.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("annuaire-externe").GetProperty("status").GetString());
        Assert.DoesNotContain("secret", body);
        Assert.DoesNotContain("secret", forSdis);
        Assert.Contains(Secret, forAdmin);
    }

    [Fact]
    public async Task A_second_use_of_one_invitation_is_refused_in_french_even_at_the_same_moment()
    {
        var accounts = _app.Services.GetRequiredService<AccountAdministration>();
        var invited = await accounts.InviteAsync(new Viewer("admin-id", "Administrateur", Profile.Administrator, Jurisdiction.National),
            new InvitationRequest("maire.lagny@exemple.fr", "Maire de Lagny", "Mairie", Profile.Mayor, Jurisdiction.Commune("77288")),
            "http://localhost/");
        var path = new Uri(invited.Link!).PathAndQuery;
        using var first = Client();
        using var second = Client();
        var forms = await Task.WhenAll(first.GetStringAsync(path), second.GetStringAsync(path));

        // Both forms were valid when opened; both are sent at once (a double tap, or two people with one link).
        var answers = await Task.WhenAll(
            first.PostAsync(path, InvitationForm(forms[0], "Nouveau-mot-2026!")),
            second.PostAsync(path, InvitationForm(forms[1], "Autre-mot-2026!!")));
        var texts = await Task.WhenAll(answers.Select(TextAsync));
        var replay = await first.PostAsync(path, InvitationForm(forms[0], "Troisieme-mot-2026!"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(texts, t => t.Contains("Votre mot de passe est enregistré"));
        Assert.Single(texts, t => t.Contains("Ce lien d'invitation a déjà été utilisé"));
        Assert.NotEqual(HttpStatusCode.InternalServerError, replay.StatusCode);
        var replayText = await TextAsync(replay);
        Assert.Contains("déjà été utilisé", replayText);
        foreach (var text in texts.Append(replayText))
        {
            Assert.DoesNotContain("concurrency", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("modified", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("The POST request", text);
        }
    }

    private static FormUrlEncodedContent InvitationForm(string form, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(form),
        ["_handler"] = "invitation",
        ["Input.Password"] = password,
        ["Input.Confirmation"] = password,
    });
}
