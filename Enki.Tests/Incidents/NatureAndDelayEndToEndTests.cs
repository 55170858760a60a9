using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.Incidents;

/// <summary>
/// In Chromium: a code missing from the nomenclature listed for administrators, an incident whose
/// sender's label disagrees with ours and that NexSIS passed on late, both flagged on its detail.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class NatureAndDelayEndToEndTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-key-e2e-0123456789";
    private const string LateCase = "fr.fire.sis077.cga-077.E2E-LATE";
    private const string UnknownCase = "fr.fire.sis077.cga-077.E2E-UNKNOWN";

    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory().With("Enki:Nexsis:InboundApiKey", PushKey);
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _baseAddress = null!;

    public async Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        using var client = new HttpClient { BaseAddress = _baseAddress };
        // Created 40 minutes before it is pushed, with a label of another version of the list (« Malaise » under a fire code).
        (await client.PushNexsisAsync(TestMessages.CreateCase(LateCase, sentAt: DateTimeOffset.UtcNow.AddMinutes(-40),
            natureLabel: "Malaise / détresse vitale"), PushKey)).EnsureSuccessStatusCode();
        (await client.PushNexsisAsync(TestMessages.CreateCase(UnknownCase, nature: "C04.99.07", natureLabel: "Explosion|Site industriel"), PushKey))
            .EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    private async Task<IPage> SignedInPageAsync(string userName, int width, int height)
    {
        var context = await chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(_baseAddress, userName);
        return page;
    }

    [SkippableTheory]
    [InlineData(1600, 1000)]
    [InlineData(390, 844)]
    public async Task Unknown_codes_are_listed_and_a_disagreeing_label_and_nexsis_delay_are_flagged(int width, int height)
    {
        var admin = await SignedInPageAsync("admin", width, height);
        await admin.GotoAsync(new Uri(_baseAddress, "administration/codes-inconnus").ToString());
        var grid = admin.GetByTestId("unknown-codes-grid");
        await Assertions.Expect(grid).ToContainTextAsync("C04.99.07", new() { Timeout = 10_000 });
        await Assertions.Expect(grid).ToContainTextAsync("Explosion|Site industriel");
        await Assertions.Expect(grid).ToContainTextAsync(UnknownCase);
        await admin.ScreenshotAsync($"unknown-codes-{width}");

        var sdis = await SignedInPageAsync("sdis77", width, height);
        await sdis.GotoAsync(new Uri(_baseAddress, "incidents").ToString());
        await sdis.WaitForCircuitAsync();
        var row = sdis.Locator("tr.enki-incident-row", new() { Has = sdis.Locator($"[data-case-id='{LateCase}']") });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await row.Locator("[data-testid=incident-link]").ClickAsync();
        await Assertions.Expect(sdis.GetByTestId("nature-label-disagrees")).ToContainTextAsync("Malaise / détresse vitale");
        await Assertions.Expect(sdis.GetByTestId("reception-delay")).ToContainTextAsync("40 min");
        await sdis.ScreenshotAsync($"incident-flags-{width}");
        await sdis.GetByTestId("incident-times").ScrollIntoViewIfNeededAsync();
        await sdis.ScreenshotAsync($"incident-times-{width}");
    }
}
