using System.Collections.Concurrent;
using Enki.Tests.Support;
using Enki.Web.Components.Map;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Enki.Tests.Nexsis.Intake;

namespace Enki.Tests.Map;

/// <summary>
/// The production basemap setting (IGN Géoplateforme WMTS, <see cref="MapOptions.IgnPlanTileUrl"/>) in
/// Chromium, its host swapped for a tile server of the test on loopback: no outside server is reachable.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class StreetTilesEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-key-tiles-0123456789";
    private const string ProductionHost = "https://data.geopf.fr";

    // A 1×1 PNG: what a tile is made of does not matter, that it is fetched and drawn does.
    private static readonly byte[] Tile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly ChromiumBrowser _chromium;
    private readonly ConcurrentQueue<string> _tileRequests = new();
    private WebApplication _tiles = null!;
    private EnkiWebApplicationFactory _app = null!;
    private Uri _base = null!;

    public StreetTilesEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _tiles = builder.Build();
        _tiles.MapGet("/wmts", (HttpContext context) =>
        {
            var query = context.Request.Query;
            if (query["REQUEST"] != "GetTile" || query["LAYER"] != "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
                || !int.TryParse(query["TILEMATRIX"], out _) || !int.TryParse(query["TILEROW"], out _) || !int.TryParse(query["TILECOL"], out _))
            {
                return Results.BadRequest();
            }
            _tileRequests.Enqueue(context.Request.QueryString.Value!);
            return Results.Bytes(Tile, "image/png");
        });
        await _tiles.StartAsync();
        var tileBase = _tiles.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _app = new EnkiWebApplicationFactory()
            .With("Enki:Nexsis:InboundApiKey", PushKey)
            .With("Enki:Map:TileUrl", MapOptions.IgnPlanTileUrl.Replace(ProductionHost, tileBase))
            .With("Enki:Map:TileAttribution", MapOptions.IgnAttribution);
        _base = _app.StartKestrel();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _tiles.DisposeAsync();
    }

    [Fact]
    public void The_documented_production_setting_is_the_one_tested()
    {
        Assert.StartsWith(ProductionHost + "/wmts?", MapOptions.IgnPlanTileUrl);
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.Contains($"Enki__Map__TileUrl='{MapOptions.IgnPlanTileUrl}'", readme);
        Assert.Contains($"Enki__Map__TileAttribution='{MapOptions.IgnAttribution}'", readme);
    }

    [SkippableTheory]
    [InlineData(1600, 1000, "wide")]
    [InlineData(390, 844, "phone")]
    public async Task A_mayors_map_shows_the_street_tiles_under_the_outlines_its_own_commune_and_both_kinds_of_markers(int width, int height, string name)
    {
        var browser = _chromium.Require();
        // In Chelles: one incident in progress, one closed within the last 24 h (a pale marker).
        var now = DateTimeOffset.UtcNow;
        using var http = new HttpClient { BaseAddress = _base };
        var closed = $"fr.fire.sis077.cga.SC-TILES-{name}-CLOSED";
        foreach (var payload in new[]
        {
            TestMessages.CreateCase($"fr.fire.sis077.cga.SC-TILES-{name}-OPEN", "77108", 48.8786, 2.5914, sentAt: now.AddMinutes(-20)),
            TestMessages.CreateCase(closed, "77108", 48.8731, 2.6012, sentAt: now.AddMinutes(-30), nature: "C01.01.01"),
            TestMessages.Situation(closed, "COM", now.AddMinutes(-10)),
        })
        {
            using var response = await http.PushNexsisAsync(payload, PushKey);
            response.EnsureSuccessStatusCode();
        }
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height }, Locale = "fr-FR" });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.SignInAsync(_base, "maire-chelles");

        await page.GotoAsync(new Uri(_base, "carte").ToString());
        await page.WaitForCircuitAsync();
        var map = page.GetByTestId("enki-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-tiles", "on", new() { Timeout = 15_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-markers", "2", new() { Timeout = 15_000 });

        // Chromium asked the tile server for WMTS tiles and drew them.
        await Assertions.Expect(page.Locator("img.leaflet-tile-loaded").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.NotEmpty(_tileRequests);
        Assert.All(_tileRequests, q => Assert.Contains("TILEMATRIXSET=PM", q));
        var drawn = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('img.leaflet-tile-loaded')].filter(i => i.complete && i.naturalWidth > 0).length");
        Assert.True(drawn > 0);
        await Assertions.Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("IGN");

        // The land is not painted over the streets: department fills are see-through.
        await Assertions.Expect(map).ToHaveAttributeAsync("data-outlines-loaded", new System.Text.RegularExpressions.Regex("^\\d+$"));
        var opaque = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.enki-map .leaflet-overlay-pane path')].filter(p => parseFloat(p.getAttribute('fill-opacity') || '0') > 0.6).length");
        Assert.Equal(0, opaque);

        // The mayor's own commune is outlined, named first, and in the legend.
        await Assertions.Expect(map).ToHaveAttributeAsync("data-own-territory", "77108");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-commune-labels", new System.Text.RegularExpressions.Regex("^[1-9]\\d*$"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".enki-commune-label-own")).ToHaveTextAsync("Chelles");
        var legend = page.Locator(".enki-legend", new() { HasText = "Natures d'incident" });
        if (width < 600) await legend.Locator("summary").ClickAsync();
        await Assertions.Expect(legend).ToContainTextAsync("Votre territoire : Chelles");
        await Assertions.Expect(legend).ToContainTextAsync("Vif : en cours (1)");
        await Assertions.Expect(legend).ToContainTextAsync("Pâle : terminé ou annulé, 24 h (1)");
        await page.ScreenshotAsync($"map-tiles-77-{name}");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Enki.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Enki.sln not found above the test binaries.");
    }
}
