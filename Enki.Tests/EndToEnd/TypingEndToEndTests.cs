using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// Keystrokes are never lost: a fast typist (30 ms per key) on a busy server (every browser message
/// held 100 ms before the app sees it, so the server's answer to the click lands mid-word) keeps every character in pickers, searches and filters.
/// Keys were lost when the page's late focus on its heading, or a filter written to the address, took the focus from the field.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TypingEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const int KeyDelayMs = 30;
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory().WithBusyServer(TimeSpan.FromMilliseconds(100));
    private IBrowserContext? _context;
    private Uri _baseAddress = null!;

    public TypingEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Whether the server's answer to the click lands mid-word depends on the machine's load; three fresh
    /// pages make a binding that can lose keys lose them at least once.
    /// </summary>
    private const int Attempts = 3;

    private async Task<IPage> PageAsync(string user, string path)
    {
        var signedIn = _context is not null;
        _context ??= await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "fr-FR",
        });
        var page = await _context.NewPageAsync();
        if (!signedIn) await page.SignInAsync(_baseAddress, user);
        await page.GotoAsync(new Uri(_baseAddress, path).ToString());
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>
    /// Types like a person, then lets the busy server catch up: every keystroke queued behind the others,
    /// the search's debounce and its redraw. A render that lags behind the typing may show an older text for
    /// a moment; what counts is that the field ends with every key (a lost key never comes back).
    /// </summary>
    private static async Task TypeAndSettleAsync(ILocator input, string text, bool click = true)
    {
        if (click) await input.ClickAsync();
        await input.PressSequentiallyAsync(text, new() { Delay = KeyDelayMs });
        await input.Page.WaitForTimeoutAsync(3_000);
    }

    private static Task ExpectTextAsync(ILocator input, string text) =>
        Assertions.Expect(input).ToHaveValueAsync(text, new() { Timeout = 10_000 });

    [SkippableFact]
    public async Task Commune_picker_of_the_mobilisation_form_keeps_every_key_on_a_busy_server()
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var page = await PageAsync("sdis77", "mobilisations/nouvelle");
            var input = page.Locator(".mud-autocomplete input").First;

            await TypeAndSettleAsync(input, "Chelles");
            await ExpectTextAsync(input, "Chelles");
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Chelles" }).First.ClickAsync();
            await Assertions.Expect(input).ToHaveValueAsync("Chelles (Seine-et-Marne)", new() { Timeout = 10_000 });
            await page.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task Incident_search_keeps_every_key_on_a_busy_server()
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var page = await PageAsync("sdis77", "incidents");
            var search = page.GetByLabel("Rechercher (n° d'affaire, adresse, commune, nature)");

            await TypeAndSettleAsync(search, "Chelles");
            await ExpectTextAsync(search, "Chelles");
            await page.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task Incident_search_keeps_the_keys_typed_after_a_pause()
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var page = await PageAsync("sdis77", "incidents");
            var search = page.GetByLabel("Rechercher (n° d'affaire, adresse, commune, nature)");
            await search.ClickAsync();
            await search.PressSequentiallyAsync("C");
            // The search's debounce runs out on the server (400 ms after the key reached it) while the rest is typed.
            await page.WaitForTimeoutAsync(380 + attempt * 40);
            await TypeAndSettleAsync(search, "helles", click: false);
            await ExpectTextAsync(search, "Chelles");
            // The list is filtered on the whole word once the debounce has run out after the last key.
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Chelles"), new() { Timeout = 10_000 });
            await page.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task A_new_page_focuses_its_heading_but_not_while_a_filter_is_written_to_the_address()
    {
        var page = await PageAsync("sdis77", "incidents");
        // For a screen reader, as Blazor's FocusOnNavigate does.
        await page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'", null, new() { Timeout = 10_000 });

        var search = page.GetByLabel("Rechercher (n° d'affaire, adresse, commune, nature)");
        await search.ClickAsync();
        await search.PressSequentiallyAsync("Meaux");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=Meaux"), new() { Timeout = 10_000 });
        await page.WaitForTimeoutAsync(1_000);
        Assert.Equal("filter-text", await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('data-testid')"));
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Territory_picker_of_the_crisis_form_keeps_every_key_on_a_busy_server()
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var page = await PageAsync("sdis77", "crises");
            await page.GetByTestId("open-crisis").ClickAsync();
            var input = page.Locator("[data-testid=crisis-territory-search] input, input[data-testid=crisis-territory-search]").First;

            await TypeAndSettleAsync(input, "Chelles");
            await ExpectTextAsync(input, "Chelles");
            await Assertions.Expect(page.Locator(".mud-popover-open [role=option]").First).ToContainTextAsync("Chelles");
            await page.CloseAsync();
        }
    }
}
