using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

[Collection(WebCollection.Name)]
public sealed class ShellEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new();
    private Uri _baseAddress = null!;

    public ShellEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [SkippableTheory]
    [InlineData(1920, 1080, "wall")]
    [InlineData(390, 844, "phone")]
    public async Task Home_page_becomes_interactive_in_chromium_and_toggles_the_dark_theme(int width, int height, string name)
    {
        var browser = _chromium.Require();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
        });
        var page = await context.NewPageAsync();

        await page.SignInAsync(_baseAddress, "admin");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord" })).ToBeVisibleAsync();
        await page.ScreenshotAsync($"home-{name}");

        // A click handled by the server proves the circuit is live.
        var before = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Passer au thème") }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", before);
    }
}
