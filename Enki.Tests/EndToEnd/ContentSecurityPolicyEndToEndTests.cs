using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// The console works under its Content-Security-Policy in Chromium: Blazor's circuit, MudBlazor's picker,
/// Leaflet with tiles from another origin (a tile server of our own on another loopback port), and not one
/// CSP violation in the console.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ContentSecurityPolicyEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-csp-0123456789";
    private const string PartnerKey = "partenaire-csp-0123456789abcdef";
    private static readonly byte[] Tile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory()
        .With("Enki:Nexsis:InboundApiKey", PushKey)
        .With("Enki:Api:Keys:0:Name", "SIG national").With("Enki:Api:Keys:0:Key", PartnerKey).With("Enki:Api:Keys:0:Scope", "national");
    private WebApplication _tiles = null!;
    private int _tilesServed;
    private Uri _base = null!;
    private IBrowserContext? _context;

    public ContentSecurityPolicyEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        // A tile server on another origin, as a préfecture's own would be.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _tiles = builder.Build();
        _tiles.MapGet("/{z}/{x}/{y}.png", () =>
        {
            Interlocked.Increment(ref _tilesServed);
            return Results.Bytes(Tile, "image/png");
        });
        await _tiles.StartAsync();
        var tileAddress = _tiles.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _app.With("Enki:Map:TileUrl", tileAddress.TrimEnd('/') + "/{z}/{x}/{y}.png").With("Enki:Map:TileAttribution", "Tuiles de test");
        _base = _app.StartKestrel();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        await _app.DisposeAsync();
        await _tiles.DisposeAsync();
    }

    [SkippableFact]
    public async Task Dashboard_map_incident_detail_and_a_mudblazor_picker_work_with_no_csp_violation()
    {
        _context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 }, Locale = "fr-FR", TimezoneId = "Europe/Paris",
        });
        var page = await _context.NewPageAsync();
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Enqueue($"pageerror: {error}");
        using var http = new HttpClient { BaseAddress = _base };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PushNexsisAsync(TestMessages.CreateCase("fr.fire.sis077.csp.CHELLES"), PushKey)).StatusCode);

        // Sign-in page (static rendering, import map by nonce), then the dashboard with its map and tiles.
        await page.SignInAsync(_base, "sdis77");
        await page.WaitForCircuitAsync();
        var map = page.GetByTestId("enki-map").First;
        await Assertions.Expect(map).ToHaveAttributeAsync("data-outlines-loaded", new Regex("^[1-9]"), new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('img.leaflet-tile-loaded').length > 0", null, new() { Timeout = 20_000 });
        Assert.True(_tilesServed > 0);
        await Assertions.Expect(page.GetByTestId("latest-incidents")).ToContainTextAsync("Chelles", new() { Timeout = 10_000 });
        await page.ScreenshotAsync("csp-dashboard");

        // Incident detail, with its own map.
        http.DefaultRequestHeaders.Add("X-Api-Key", PartnerKey);
        var incidents = JsonDocument.Parse(await http.GetStringAsync("/api/v1/incidents"));
        var id = incidents.RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        await page.GotoAsync(new Uri(_base, $"incidents/{id}").ToString());
        await page.WaitForCircuitAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=enki-point-map] img.leaflet-tile-loaded').length > 0",
            null, new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("incident-map-slot").Locator(".leaflet-marker-pane > *, .leaflet-overlay-pane path").First)
            .ToBeAttachedAsync(new() { Timeout = 10_000 });
        await page.ScreenshotAsync("csp-incident-detail");

        // A MudBlazor picker (popover, calendar) on the audit trail, as an administrator.
        await _context.ClearCookiesAsync();
        await page.SignInAsync(_base, "admin");
        await page.GotoAsync(new Uri(_base, "administration/journal").ToString());
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Du", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-picker-calendar-container, .mud-picker-calendar").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.ScreenshotAsync("csp-journal-picker");

        // The quarantine, where an administrator reads a refused case without its caller's name or phone.
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PushNexsisAsync(Encoding.UTF8.GetBytes(
            "{\"createCase\": {\"caseId\": \"fr.fire.sis077.SC-CASSE\", \"notes\": \"rappeler au 06 12 34 56 78\","), PushKey)).StatusCode);
        await page.GotoAsync(new Uri(_base, "administration/quarantaine").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("quarantine-privacy")).ToContainTextAsync("masquées");
        await page.Locator("[data-testid=quarantine-grid] tbody tr").First.Locator("button").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("quarantine-masking")).ToContainTextAsync("Message illisible");
        await Assertions.Expect(page.GetByTestId("quarantine-payload")).ToContainTextAsync("SC-CASSE");
        await Assertions.Expect(page.GetByTestId("quarantine-payload")).Not.ToContainTextAsync("06 12 34 56 78");
        await page.ScreenshotAsync("csp-quarantine");

        var violations = console.Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                                            || m.Contains("Refused to", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.DoesNotContain(console, m => m.StartsWith("pageerror", StringComparison.Ordinal));
    }
}
