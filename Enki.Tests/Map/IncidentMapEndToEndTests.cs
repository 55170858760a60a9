using System.Text.RegularExpressions;
using Enki.Tests.Support;
using Microsoft.Playwright;
using static Enki.Tests.Map.MapTrafficClient;

namespace Enki.Tests.Map;

/// <summary>The incident map in Chromium against the real app on Kestrel, fed through the NexSIS push channel.</summary>
[Collection(WebCollection.Name)]
public sealed class IncidentMapEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-key-map-0123456789";

    // Seine-et-Marne: Chelles, Meaux, Melun, Fontainebleau.
    private static readonly Case[] SeineEtMarne =
    [
        new("77108", 48.8786, 2.5914, "C04.02.01"),
        new("77284", 48.9601, 2.8788, "C01.01.01"),
        new("77288", 48.5396, 2.6554, "C02.11.02"),
    ];

    private static readonly Case Fontainebleau = new("77186", 48.4047, 2.7016, "C08.10.01");

    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory().With("Enki:Nexsis:InboundApiKey", PushKey);
    private Uri _baseAddress = null!;
    private MapTrafficClient _traffic = null!;

    public IncidentMapEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _baseAddress = _app.StartKestrel();
        _traffic = new MapTrafficClient(_baseAddress, PushKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _traffic.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>A signed-in browser context (dispose it: open circuits would hold the server's shutdown).</summary>
    private async Task<(IBrowserContext Context, IPage Page, List<string> OutsideRequests)> OpenAsync(IBrowser browser, int width, int height, string user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
        });
        var page = await context.NewPageAsync();
        var outside = new List<string>();
        var origin = _baseAddress.GetLeftPart(UriPartial.Authority);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                lock (outside) outside.Add(request.Url);
            }
        };
        await page.SignInAsync(_baseAddress, user);
        return (context, page, outside);
    }

    [SkippableTheory]
    [InlineData(1600, 1000, "wide")]
    [InlineData(390, 844, "phone")]
    public async Task Department_map_shows_the_incidents_and_adds_a_new_one_live(int width, int height, string name)
    {
        var browser = _chromium.Require();
        await _traffic.CreateAllAsync(SeineEtMarne);
        var (context, page, outside) = await OpenAsync(browser, width, height, "sdis77");
        await using var _ = context;

        await page.GotoAsync(new Uri(_baseAddress, "carte/departement/77").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("map-title")).ToContainTextAsync("Seine-et-Marne");
        var map = page.GetByTestId("enki-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-markers", "3", new() { Timeout = 15_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-communes-loaded", new Regex("^[4-6]\\d\\d$"));

        // Live: one more incident appears without reloading the page.
        await _traffic.CreateAsync(Fontainebleau);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-markers", "4", new() { Timeout = 2_000 });
        await page.ScreenshotAsync($"map-77-{name}");

        await page.Locator(".leaflet-enki-incidents-pane path").First.ClickAsync(new() { Force = true });
        var popup = page.Locator(".leaflet-popup-content");
        // Let the popup finish fading in and panning before the screenshot.
        await Assertions.Expect(page.Locator(".leaflet-popup")).ToHaveCSSAsync("opacity", "1");
        await Assertions.Expect(popup).ToContainTextAsync("Statut : Signalé");
        await Assertions.Expect(popup).ToContainTextAsync("Ouvert le");
        await Assertions.Expect(popup.GetByRole(AriaRole.Link, new() { Name = "Ouvrir la fiche de l'incident" }))
            .ToHaveAttributeAsync("href", new Regex("^incidents/[0-9a-f-]{36}$"));
        await page.ScreenshotAsync($"map-77-{name}-popup");
        Assert.Empty(outside);
    }

    [SkippableTheory]
    [InlineData(1600, 1000, "wide")]
    [InlineData(390, 844, "phone")]
    public async Task National_map_paints_departments_by_incidents_in_progress(int width, int height, string name)
    {
        var browser = _chromium.Require();
        await _traffic.CreateAllAsync(NationalTraffic());
        var (context, page, outside) = await OpenAsync(browser, width, height, "cogic");
        await using var _ = context;

        await page.GotoAsync(new Uri(_baseAddress, "carte").ToString());
        await page.WaitForCircuitAsync();
        var map = page.GetByTestId("enki-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-choropleth", "5", new() { Timeout = 15_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-markers", NationalTraffic().Count().ToString());
        await Assertions.Expect(page.Locator(".enki-cluster").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".enki-legend", new() { HasText = "Incidents en cours par département" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".enki-legend", new() { HasText = "Natures d'incident" })).ToContainTextAsync("Incendie (7)");
        Assert.Equal(0, await page.GetByTestId("map-title").Locator("text=introuvable").CountAsync());
        await page.ScreenshotAsync($"map-national-{name}");
        Assert.Empty(outside);
    }

    [SkippableFact]
    public async Task A_territory_outside_the_jurisdiction_is_not_found()
    {
        var browser = _chromium.Require();
        var (context, page, _) = await OpenAsync(browser, 1280, 800, "sdis77");
        await using var __ = context;

        await page.GotoAsync(new Uri(_baseAddress, "carte/departement/35").ToString());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("enki-map").CountAsync());
    }

    /// <summary>Incidents in five departments, several near each other (clusters) and of several natures.</summary>
    private static IEnumerable<Case> NationalTraffic()
    {
        string[] natures = ["C04.02.01", "C01.01.01", "C02.11.02", "C08.10.01", "C09.01.01"];
        (string Insee, double Lat, double Lon, int Count)[] places =
        [
            ("77108", 48.8786, 2.5914, 9), ("35126", 47.9667, -1.7953, 6), ("13055", 43.2965, 5.3698, 5),
            ("69123", 45.7640, 4.8357, 3), ("33063", 44.8378, -0.5792, 2),
        ];
        foreach (var (insee, lat, lon, count) in places)
        {
            for (var i = 0; i < count; i++)
            {
                yield return new Case(insee, lat + (i % 3) * 0.004, lon + (i / 3) * 0.005, natures[i % natures.Length]);
            }
        }
    }
}
