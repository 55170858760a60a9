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

        await Assertions.Expect(page.GetByTestId("scope-title")).ToContainTextAsync("Tableau de bord — National");
        await Assertions.Expect(page.GetByTestId("count-in-progress")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"home-{name}");

        // A click handled by the server proves the circuit is live.
        var before = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Passer au thème") }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", before);
        await page.ScreenshotAsync($"home-{name}-toggled-theme");
    }

    [SkippableFact]
    public async Task Map_draws_every_department_outline_offline()
    {
        var browser = _chromium.Require();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        var outsideRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(_baseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outsideRequests.Add(request.Url);
            }
        };

        await page.SignInAsync(_baseAddress, "sdis77");
        await page.GotoAsync(new Uri(_baseAddress, "carte").ToString());
        await page.WaitForCircuitAsync();
        var map = page.GetByTestId("enki-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-outlines-loaded", new System.Text.RegularExpressions.Regex("^\\d{3}$"));

        Assert.True(int.Parse((await map.GetAttributeAsync("data-outlines-loaded"))!) >= 101);
        Assert.True(await page.Locator(".leaflet-overlay-pane path").CountAsync() >= 101);
        Assert.Empty(outsideRequests);
        await page.ScreenshotAsync("map");
    }
}
