using System.Net;
using Enki.Tests.Support;

namespace Enki.Tests.Access;

/// <summary>Sign-out ends that session on the server: a copy of its cookie stops working at once, over real HTTP.</summary>
[Collection(WebCollection.Name)]
public sealed class SessionEndTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();
    private Uri _base = null!;

    public Task InitializeAsync()
    {
        _base = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true }) { BaseAddress = _base };

    [Fact]
    public async Task A_copied_session_cookie_stops_working_after_sign_out_while_another_session_goes_on()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostSignInAsync("cogic", SignInClient.DemoPassword)).StatusCode);
        var copied = cookies.GetCookies(_base)["enki.session"]!.Value;
        using var phone = Browser(new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await phone.PostSignInAsync("cogic", SignInClient.DemoPassword)).StatusCode);

        using var thief = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _base };
        thief.DefaultRequestHeaders.Add("Cookie", $"enki.session={copied}");
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/incidents")).StatusCode);

        var home = await browser.GetStringAsync("/");
        var signOut = await browser.PostAsync("/compte/deconnexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(home),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replay = await thief.GetAsync("/incidents");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/compte/connexion", replay.Headers.Location!.AbsolutePath);
        var api = await thief.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        // Only that session ended: the same person's other session (the phone) goes on.
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/incidents")).StatusCode);
    }
}
