using System.Text.RegularExpressions;
using Enki.Application.Vigilance;
using Enki.Domain.Geography;
using Enki.Domain.Vigilance;
using Enki.Infrastructure.Vigilance;
using Enki.Simulator;
using Enki.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// The simulator's flood and storm vigilance, read by the adapters and applied as the job does: the mayor of Guichen
/// sees Ille-et-Vilaine's vigilance in the dashboard's strip (never Seine-et-Marne's storm) and the department
/// painted red on the map with its legend, and the mairie's escalation list, on a desktop and on a phone.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class VigilanceEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new();
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    public VigilanceEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public async Task InitializeAsync()
    {
        _base = _app.StartKestrel();
        var services = _app.Services;
        var maps = new SimulatedVigilance(services.GetRequiredService<FrenchGeography>(), Options.Create(new SimulatorOptions()), TimeProvider.System);
        var intake = services.GetRequiredService<VigilanceIntake>();
        await intake.ApplyAsync(VigilanceSource.MeteoFrance, services.GetRequiredService<MeteoFranceVigilanceReader>().Read(maps.MeteoFranceJson()).Readings, default);
        await intake.ApplyAsync(VigilanceSource.Vigicrues,
            services.GetRequiredService<VigicruesReader>().Read(maps.VigicruesGeoJson(), DateTimeOffset.UtcNow).Readings, default);
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    [SkippableFact]
    public async Task The_mayor_of_Guichen_sees_the_departments_vigilance_in_the_strip_and_on_the_map_on_desktop_and_phone()
    {
        foreach (var (width, height, name) in new[] { (1440, 900, "desktop"), (390, 844, "phone") })
        {
            var page = await _chromium.SignedInPageAsync(_base, "maire-guichen", width, height, _contexts);
            var strip = page.GetByTestId("vigilance-strip");
            await Assertions.Expect(strip).ToContainTextAsync("Crues rouge : Tronçon simulé à Guichen (35)");
            await Assertions.Expect(strip).ToContainTextAsync("Pluie-inondation orange (35)");
            await Assertions.Expect(strip).Not.ToContainTextAsync("(77)");
            await Assertions.Expect(page.GetByTestId("figures-time")).ToBeVisibleAsync();
            await page.ScreenshotAsync($"vigilance-dashboard-{name}");

            await page.GotoAsync(new Uri(_base, "carte").ToString());
            var map = page.GetByTestId("enki-map");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-vigilance", "1", new() { Timeout = 20_000 });
            var legend = page.Locator(".enki-legend").Filter(new() { HasText = "Vigilance du jour" });
            if (width < 600) await legend.Locator("summary").ClickAsync(); // closed on phones
            await Assertions.Expect(legend).ToContainTextAsync("Rouge");
            await Assertions.Expect(page.Locator(".leaflet-control-layers")).ToContainTextAsync("Vigilance");
            await page.ScreenshotAsync($"vigilance-map-{name}");

            // The mairie's escalation list: its préfecture's officer on duty (the demo's), and who is on duty there.
            await page.GotoAsync(new Uri(_base, "avertissements/escalade").ToString());
            await Assertions.Expect(page.GetByTestId("escalation-steps")).ToContainTextAsync("1. Préfecture (35) — officier de permanence");
            await page.ScreenshotAsync($"escalation-list-{name}");
        }
    }
}
