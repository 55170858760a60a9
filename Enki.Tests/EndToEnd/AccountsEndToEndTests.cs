using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

[Collection(WebCollection.Name)]
public sealed class AccountsEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new();
    private Uri _baseAddress = null!;

    public AccountsEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private async Task<IPage> NewPageAsync(int width = 1440, int height = 900)
    {
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
        });
        return await context.NewPageAsync();
    }

    [SkippableFact]
    public async Task Mayor_signs_in_through_the_page_and_sees_their_commune_as_scope()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(_baseAddress, "incidents").ToString());
        Assert.Contains("/compte/connexion", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("sign-in");

        await page.Locator("#identifiant").FillAsync("maire-chelles");
        await page.Locator("#mot-de-passe").FillAsync(SignInClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/incidents"));
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByTestId("current-scope")).ToContainTextAsync("77108");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("home-maire-chelles");

        // Sign out from the app bar menu.
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu du compte" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-identity")).ToContainTextAsync("Chelles (77108)");
        await page.WaitForTimeoutAsync(400); // the popover's fade-in, for the picture
        await page.ScreenshotAsync("user-menu-open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/compte/connexion"));
    }

    [SkippableFact]
    public async Task Administrator_manages_users_in_a_data_grid()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(_baseAddress, "admin");
        await page.GotoAsync(new Uri(_baseAddress, "administration/utilisateurs").ToString());
        await page.WaitForCircuitAsync();

        var grid = page.GetByTestId("users-grid");
        await Assertions.Expect(grid).ToContainTextAsync("Maire de Guichen");
        await Assertions.Expect(grid).ToContainTextAsync("Chelles (77108)");
        await page.ScreenshotAsync("users-admin");
    }
}
