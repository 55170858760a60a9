using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Enki.Tests.Incidents.IncidentSeed;

namespace Enki.Tests.Incidents;

/// <summary>
/// The mayor of Chelles in the street, on a phone (390×844): what is still going on, two lines per
/// incident, in words (no triage code or nature code alone on screen), nothing wider than the screen.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class IncidentsPhoneEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new();
    private IBrowserContext? _context;
    private Uri _baseAddress = null!;

    public IncidentsPhoneEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        // 27 incidents in progress in Chelles, and 3 the brigade has cancelled.
        var open = Enumerable.Range(1, 27).Select(i => Open($"PHONE-{i:00}", Chelles with { Address = $"{i} rue de la République" }, i % 3 == 0 ? "C08.05.00" : "C04.02.01", minutesAfterT0: i)).ToList();
        var cancelled = Enumerable.Range(1, 3).Select(i => Open($"PHONE-ANNULE-{i}", Chelles, minutesAfterT0: 40 + i)).ToList();
        foreach (var incident in cancelled) incident.Cancel(Later(incident, 5));
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        db.Incidents.AddRange(open.Concat(cancelled));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        await _app.DisposeAsync();
    }

    [SkippableFact]
    public async Task The_mayor_reads_what_is_going_on_two_lines_per_incident_within_the_screen()
    {
        _context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "fr-FR",
            IsMobile = true,
            HasTouch = true,
        });
        var page = await _context.NewPageAsync();
        await page.SignInAsync(_baseAddress, "maire-chelles");
        await page.GotoAsync(new Uri(_baseAddress, "incidents").ToString());
        await page.WaitForCircuitAsync();

        var rows = page.Locator("tr.enki-incident-row");
        // In progress only by default: the 27, not the cancelled ones, and the filter says so.
        await Assertions.Expect(rows).ToHaveCountAsync(27, new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("active-filters")).ToContainTextAsync("En cours seulement");

        // Two lines per row, and the whole page within a few screens.
        var rowHeights = await rows.EvaluateAllAsync<double[]>("rows => rows.map(r => r.getBoundingClientRect().height)");
        Assert.All(rowHeights, h => Assert.InRange(h, 30, 72));
        var pageHeight = await page.EvaluateAsync<double>("document.documentElement.scrollHeight");
        Assert.InRange(pageHeight, 844, 2_900);
        // Nothing wider than the phone.
        var scrollWidth = await page.EvaluateAsync<double>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth} px wide on a 390 px phone");

        // Plain French: the estimate in words, no nature or triage code shown alone.
        var text = await page.Locator("[data-testid=incidents-grid]").InnerTextAsync();
        Assert.Contains("Plusieurs victimes (2 à 4)", text);
        Assert.DoesNotContain("C08.05.00", text);
        Assert.DoesNotContain("≈", text);
        Assert.DoesNotContain("UR ", text);
        await page.ScreenshotAsync("incidents-phone-mayor");

        // One tap shows the rest, and the address says so: a reload (or a node that died) keeps it.
        await page.GetByTestId("active-filters").GetByText("Tout effacer").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(30, new() { Timeout = 10_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_baseAddress, "incidents?en-cours=0").ToString());
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(30, new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("active-filters")).ToHaveCountAsync(0);
    }
}
