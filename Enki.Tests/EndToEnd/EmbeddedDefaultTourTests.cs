using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// The console as a newcomer first sees it: embedded defaults with the NexSIS simulator playing its
/// storm, flood and forest fire. Every main screen shows live data; screenshots are kept to look at.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class EmbeddedDefaultTourTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory()
        .With("Enki:Simulator:Enabled", "true")
        .With("Enki:Simulator:Seed", "2026")
        .With("Enki:Simulator:Backfill", "01:30:00");
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    public EmbeddedDefaultTourTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _base = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    private Task<IPage> PageAsync(string user, int width, int height) =>
        _chromium.SignedInPageAsync(_base, user, width, height, _contexts);

    private static async Task<int> FigureAsync(IPage page, string testId) =>
        int.Parse(new string((await page.GetByTestId(testId).InnerTextAsync()).Where(char.IsDigit).ToArray()));

    /// <summary>The figure once it exceeds <paramref name="floor"/>: the simulator's backfill arrives over a few seconds, slower on a busy machine.</summary>
    private static async Task<int> FigureAboveAsync(IPage page, string testId, int floor)
    {
        var figure = await FigureAsync(page, testId);
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); figure <= floor && waited.Elapsed < TimeSpan.FromSeconds(30); figure = await FigureAsync(page, testId))
        {
            await Task.Delay(200);
        }
        return figure;
    }

    [SkippableFact]
    public async Task The_simulated_crisis_reaches_every_screen()
    {
        var page = await PageAsync("sdis77", 1600, 1000);
        await page.GotoAsync(new Uri(_base, "tableau-de-bord/departement/77").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("count-in-progress")).Not.ToHaveTextAsync("0", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("enki-map")).ToHaveAttributeAsync("data-markers", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 15_000 });
        Assert.True(await FigureAboveAsync(page, "count-in-progress", 5) > 5);
        await page.ScreenshotAsync("tour-dashboard-77");

        await page.GotoAsync(new Uri(_base, "incidents").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=incident-link]").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync("tour-incidents");

        await page.Locator("[data-testid=incident-link]").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("incident-timeline")).ToBeVisibleAsync();
        await page.ScreenshotAsync("tour-incident-detail");

        var national = await PageAsync("cogic", 1600, 1000);
        await national.GotoAsync(new Uri(_base, "carte").ToString());
        await national.WaitForCircuitAsync();
        await Assertions.Expect(national.GetByTestId("enki-map")).ToHaveAttributeAsync("data-choropleth", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 15_000 });
        await national.ScreenshotAsync("tour-map-national");

        var wall = await PageAsync("coz-paris", 1920, 1080);
        await wall.GotoAsync(new Uri(_base, "mur?panneau=chiffres").ToString());
        await wall.WaitForCircuitAsync();
        await Assertions.Expect(wall.GetByTestId("count-in-progress")).Not.ToHaveTextAsync("0", new() { Timeout = 15_000 });
        await wall.ScreenshotAsync("tour-wall-zone-paris");

        var mayor = await PageAsync("maire-chelles", 390, 844);
        await mayor.WaitForCircuitAsync();
        await Assertions.Expect(mayor.GetByTestId("scope-title")).ToContainTextAsync("Chelles");
        await Assertions.Expect(mayor.GetByTestId("count-in-progress")).ToBeVisibleAsync();
        await mayor.ScreenshotAsync("tour-phone-chelles");
    }
}
