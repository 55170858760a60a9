using Enki.Application.Accounts;
using System.Text.Json;
using Enki.Domain.Access;
using Enki.Infrastructure.Access;
using Enki.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// The review's escalation: a préfecture opened its own account and gave itself the SDIS profile, then
/// read callers' data. Nobody changes their own profile or jurisdiction, on the page or on the server.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SelfEditEndToEndTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();
    private IBrowserContext? _context;
    private Uri _base = null!;

    public Task InitializeAsync()
    {
        _base = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        await _app.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_prefecture_cannot_give_its_own_account_the_SDIS_profile()
    {
        var own = await UserAsync("prefecture77");
        _context = await chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "fr-FR",
        });
        var page = await _context.NewPageAsync();
        await page.SignInAsync(_base, "prefecture77");
        await page.GotoAsync(new Uri(_base, $"administration/utilisateurs/{own.Id}").ToString());
        await page.WaitForCircuitAsync();

        // The page says why, and offers no editor for one's own access.
        await Assertions.Expect(page.GetByTestId("self-access-locked"))
            .ToContainTextAsync("Vous ne pouvez pas modifier votre propre profil ni votre périmètre");
        await Assertions.Expect(page.GetByTestId("profile-select")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("toggle-disabled")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("self-access-locked");

        // The server refuses it too, whatever a page would send: the running app's own service.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            var viewer = new Viewer(own.Id, own.DisplayName, own.Profile, own.Jurisdiction);
            var result = await accounts.ChangeAccessAsync(viewer, own.Id, Profile.Sdis, Jurisdiction.Department("77"));
            Assert.False(result.Succeeded);
            Assert.Contains("Vous ne pouvez pas modifier votre propre profil ni votre périmètre.", result.Errors);
        }

        // A fresh sign-in over HTTP still gets the préfecture's rights.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = _base };
        var signIn = await client.PostSignInAsync("prefecture77", SignInClient.DemoPassword);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        using var scopeAnswer = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me"));
        Assert.Equal(Profile.Prefecture.Code(), scopeAnswer.RootElement.GetProperty("profile").GetString());
        Assert.Equal(Profile.Prefecture, (await UserAsync("prefecture77")).Profile);
    }

    private async Task<EnkiUser> UserAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>();
        return await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
    }
}
