using Enki.Tests.Incidents;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// An English-language browser (locale en-US) still gets a French console: MudBlazor's own texts,
/// dates and times, every page. A scan of each page's visible text and accessible labels for English.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FrenchEverywhereEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    // Words MudBlazor and Blazor show in English when nothing translates them.
    private static readonly System.Text.RegularExpressions.Regex English = new(
        @"\b(\d+-\d+ of \d+|Rows per page|No records|No matching|Loading|Cancel|Close|Clear|Search|Next|Previous|Select all|Filter|Sort|Unsort|Hide|Show all|Columns|Open|Toggle|First page|Last page|Today|Increment|Decrement|Required|An unhandled error)\b");

    private static readonly string[] Pages =
    [
        "", "tableau-de-bord/departement/77", "incidents", "carte", "crises", "mobilisations", "mobilisations/nouvelle",
        "annuaire", "annuaire/nouvelle", "annuaire/import", "administration", "administration/utilisateurs",
        "administration/journal", "administration/quarantaine", "administration/boite-envoi", "administration/avertissements-en-echec", "mur",
    ];

    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new();
    private IBrowserContext? _context;
    private Uri _baseAddress = null!;

    public FrenchEverywhereEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        db.Incidents.AddRange(Enumerable.Range(1, 4).Select(i => IncidentSeed.Open($"EN-{i}", IncidentSeed.Chelles, minutesAfterT0: i)));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        await _app.DisposeAsync();
    }

    private async Task<IPage> EnglishBrowserAsync()
    {
        _context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "en-US",
            TimezoneId = "America/New_York",
        });
        var page = await _context.NewPageAsync();
        await page.SignInAsync(_baseAddress, "admin");
        return page;
    }

    private static Task<string> ReadableTextAsync(IPage page) => page.EvaluateAsync<string>(
        @"() => [document.body.innerText,
                ...[...document.querySelectorAll('[aria-label],[title],[placeholder]')]
                    .flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')])]
               .filter(t => t).join('\n')");

    [SkippableFact]
    public async Task Pager_and_date_inputs_are_French_in_an_English_browser()
    {
        var page = await EnglishBrowserAsync();
        await page.GotoAsync(new Uri(_baseAddress, "incidents").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".mud-table-pagination")).ToContainTextAsync("1-4 sur 4", new() { Timeout = 15_000 });

        await page.GotoAsync(new Uri(_baseAddress, "mobilisations/nouvelle").ToString());
        await page.WaitForCircuitAsync();
        var day = await page.GetByLabel("Échéance (jour)").InputValueAsync();
        Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", day);
        var time = await page.GetByLabel("Heure").First.InputValueAsync();
        Assert.Matches(@"^\d{2}:\d{2}$", time);
    }

    [SkippableFact]
    public async Task No_page_shows_English()
    {
        var page = await EnglishBrowserAsync();
        var found = new List<string>();
        foreach (var path in Pages)
        {
            await page.GotoAsync(new Uri(_baseAddress, path).ToString());
            await page.WaitForCircuitAsync();
            await page.WaitForTimeoutAsync(500);
            foreach (System.Text.RegularExpressions.Match match in English.Matches(await ReadableTextAsync(page)))
            {
                found.Add($"/{path}: « {match.Value} »");
            }
        }
        Assert.Empty(found);
    }
}
