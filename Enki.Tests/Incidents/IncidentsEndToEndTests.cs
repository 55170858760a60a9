using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.Incidents;

/// <summary>The incident grid live in Chromium: NexSIS pushes, the grid moves without a reload, the detail opens.</summary>
[Collection(WebCollection.Name)]
public sealed class IncidentsEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-key-e2e-0123456789";
    private const string ChellesCase = "fr.fire.sis077.cga-077.E2E-CHELLES";
    private const string MeauxCase = "fr.fire.sis077.cga-077.E2E-MEAUX";
    private const string MelunCase = "fr.fire.sis077.cga-077.E2E-MELUN";

    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory().With("Enki:Nexsis:InboundApiKey", PushKey);
    private Uri _baseAddress = null!;

    public IncidentsEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // Close the browser first: open circuits would hold up the host's shutdown.
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    private async Task PushAsync(byte[] payload)
    {
        using var client = new HttpClient { BaseAddress = _baseAddress };
        (await client.PushNexsisAsync(payload, PushKey)).EnsureSuccessStatusCode();
    }

    private readonly List<IBrowserContext> _contexts = [];

    private async Task<IPage> SignedInPageAsync(int width, int height, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
            ColorScheme = scheme,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(_baseAddress, "sdis77");
        return page;
    }

    private static ILocator Row(IPage page, string caseId) =>
        page.Locator("tr.enki-incident-row", new() { Has = page.Locator($"[data-case-id='{caseId}']") });

    [SkippableFact]
    public async Task New_incident_appears_highlighted_without_reload_and_opens_its_detail()
    {
        var page = await SignedInPageAsync(1440, 900);
        await PushAsync(TestMessages.CreateCase(ChellesCase));
        await PushAsync(TestMessages.CreateCase(MeauxCase, insee: "77284", lat: 48.9601, lon: 2.8788, nature: "C01.01.00"));

        await page.GotoAsync(new Uri(_baseAddress, "incidents").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(Row(page, ChellesCase)).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(Row(page, MeauxCase)).ToBeVisibleAsync();

        await PushAsync(TestMessages.CreateCase(MelunCase, insee: "77288", lat: 48.5421, lon: 2.6554, nature: "C08.01.00"));
        var melun = Row(page, MelunCase);
        await Assertions.Expect(melun).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Assertions.Expect(melun).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("enki-row-moved"));
        await page.ScreenshotAsync("incidents-grid-1440");

        await melun.Locator("[data-testid=incident-link]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/incidents/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("incident-place")).ToContainTextAsync("Melun (77288)");
        await Assertions.Expect(page.GetByTestId("caller-contact")).ToContainTextAsync("Jeanne Témoin");
        // The small map draws its department's communes around the point.
        await Assertions.Expect(page.GetByTestId("enki-point-map")).ToHaveAttributeAsync("data-communes-loaded", new System.Text.RegularExpressions.Regex("^[1-9][0-9]+$"));
        await page.ScreenshotAsync("incident-detail-1440");
    }

    [SkippableFact]
    public async Task Grid_and_detail_fit_a_phone_in_the_dark_theme()
    {
        var page = await SignedInPageAsync(390, 844, ColorScheme.Dark);
        await PushAsync(TestMessages.CreateCase(ChellesCase));

        await page.GotoAsync(new Uri(_baseAddress, "incidents").ToString());
        await page.WaitForCircuitAsync();
        var row = Row(page, ChellesCase);
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.False(await HasHorizontalScrollAsync(page), "the grid scrolls sideways on a phone");
        await page.ScreenshotAsync("incidents-grid-390");

        await row.Locator("[data-testid=incident-link]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("incident-timeline")).ToBeVisibleAsync();
        Assert.False(await HasHorizontalScrollAsync(page), "the detail scrolls sideways on a phone");
        await page.ScreenshotAsync("incident-detail-390");
    }

    private static Task<bool> HasHorizontalScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
}
