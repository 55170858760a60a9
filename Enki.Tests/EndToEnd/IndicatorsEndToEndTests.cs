using System.Net;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>The « Indicateurs » page in Chromium: a series, then a map by commune, pinned to the wall and to a crisis; desktop, phone and wall looks.</summary>
[Collection(WebCollection.Name)]
public sealed class IndicatorsEndToEndTests(ChromiumBrowser chromium, IndicatorsEndToEndTests.Host host)
    : IClassFixture<ChromiumBrowser>, IClassFixture<IndicatorsEndToEndTests.Host>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-indicators-e2e-0123";

    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory()
        .With("Enki:Nexsis:InboundApiKey", PushKey).With("Enki:Demo:Crises", "true"), kestrel: true);

    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }

    private Uri Url(string path) => new(host.BaseAddress, path);

    private async Task<Guid> StormIdAsync()
    {
        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await db.Crises.Where(c => c.Title == "Tempête sur la Seine-et-Marne").Select(c => c.Id).SingleAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what) =>
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"{what} scrolls sideways");

    [SkippableFact]
    public async Task A_series_then_a_map_by_commune_pinned_to_the_wall_on_desktop_phone_and_wall()
    {
        var now = DateTimeOffset.UtcNow;
        using (var http = new HttpClient { BaseAddress = host.BaseAddress })
        {
            foreach (var (id, insee, lat, lon, hoursAgo) in new[] { ("IND-A", "77108", 48.8786, 2.5914, 3), ("IND-B", "77108", 48.8750, 2.6000, 2), ("IND-C", "77284", 48.9601, 2.8788, 1) })
            {
                using var response = await http.PushNexsisAsync(TestMessages.CreateCase($"fr.fire.sis077.e2e.{id}", insee, lat, lon, now.AddHours(-hoursAgo)), PushKey);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }
        const string view = "indicateurs/departement/77?indicateur=interventions-ouvertes&periode=24h&pas=heure";

        var desktop = await chromium.SignedInPageAsync(host.BaseAddress, "prefecture77", 1440, 900, _contexts);
        await desktop.GotoAsync(Url(view + "&representation=serie").ToString());
        await desktop.WaitForCircuitAsync();
        // Live: the three cases reach the open page through the stream (the intake is a background job).
        await Assertions.Expect(desktop.GetByTestId("indicator-series-total")).ToContainTextAsync("Total sur la période : 3 interventions", new() { Timeout = 15_000 });
        await Assertions.Expect(desktop.GetByTestId("indicator-live")).ToContainTextAsync("en direct");
        await Assertions.Expect(desktop.GetByTestId("indicator-definition")).ToContainTextAsync("Nombre d'affaires NexSIS");
        await desktop.ScreenshotAsync("indicators-desktop-series");

        var byCategory = desktop.GetByTestId("representations").GetByRole(AriaRole.Button, new() { Name = "Série par catégorie" });
        await byCategory.ClickAsync();
        await Assertions.Expect(desktop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("representation=serie-categories"));
        await Assertions.Expect(byCategory).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(desktop.GetByTestId("indicator-series-total")).ToContainTextAsync("Total sur la période : 3 interventions");
        await Assertions.Expect(desktop.GetByTestId("indicator-series")).ToContainTextAsync("Incendie");
        await desktop.ScreenshotAsync("indicators-desktop-category-series");

        await desktop.GetByTestId("representations").GetByRole(AriaRole.Button, new() { Name = "Carte par commune" }).ClickAsync();
        await Assertions.Expect(desktop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("representation=communes"));
        var map = desktop.GetByTestId("indicator-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-indicator-areas", "2", new() { Timeout = 15_000 });
        await Assertions.Expect(desktop.Locator(".enki-legend summary")).ToContainTextAsync("classes par quantiles");
        await Assertions.Expect(desktop.GetByTestId("indicator-table")).ToContainTextAsync("Chelles (77108)");
        await AssertNoSidewaysScrollAsync(desktop, "desktop");
        await desktop.ScreenshotAsync("indicators-desktop-map");

        await desktop.GetByTestId("pin-wall").ClickAsync();
        // By its text: a warning of the préfecture's own (a demo request overdue) may be on screen beside it.
        await Assertions.Expect(desktop.Locator(".mud-snackbar", new() { HasText = "épinglé au mur" })).ToBeVisibleAsync();
        // The demo storm over Seine-et-Marne, piloted by the préfecture: the only crisis offered.
        await desktop.GetByTestId("pin-crisis").ClickAsync();
        await Assertions.Expect(desktop.Locator(".mud-snackbar", new() { HasText = "tableau de bord de la crise" })).ToBeVisibleAsync();
        await desktop.GotoAsync(Url($"crises/{await StormIdAsync()}").ToString());
        await desktop.WaitForCircuitAsync();
        await Assertions.Expect(desktop.GetByTestId("crisis-pins").GetByTestId("pin-card")).ToContainTextAsync("Chelles");
        await desktop.GetByTestId("crisis-pins").ScrollIntoViewIfNeededAsync();
        await desktop.ScreenshotAsync("indicators-crisis-pin");

        // The same cases on the 1 km Lambert-93 grid: Chelles' two fall in two squares, Meaux's in a third.
        await desktop.GotoAsync(Url("indicateurs/departement/77?indicateur=densite-carreaux-1km&periode=24h&representation=carreaux").ToString());
        await desktop.WaitForCircuitAsync();
        await Assertions.Expect(desktop.GetByTestId("indicator-map")).ToHaveAttributeAsync("data-indicator-areas", "3", new() { Timeout = 15_000 });
        await Assertions.Expect(desktop.GetByTestId("indicator-table")).ToContainTextAsync("CRS2154RES1000mN6864000E670000");
        await Assertions.Expect(desktop.Locator(".enki-legend summary")).ToContainTextAsync("classes par quantiles");
        await desktop.ScreenshotAsync("indicators-desktop-grid");

        var phone = await chromium.SignedInPageAsync(host.BaseAddress, "prefecture77", 390, 844, _contexts);
        await phone.GotoAsync(Url(view + "&representation=communes").ToString());
        await phone.WaitForCircuitAsync();
        await Assertions.Expect(phone.GetByTestId("indicator-map")).ToHaveAttributeAsync("data-indicator-areas", "2", new() { Timeout = 15_000 });
        await AssertNoSidewaysScrollAsync(phone, "phone");
        await phone.ScreenshotAsync("indicators-phone-map");

        var wall = await chromium.SignedInPageAsync(host.BaseAddress, "prefecture77", 1920, 1080, _contexts);
        await wall.GotoAsync(Url("mur/departement/77?panneau=indicateurs").ToString());
        await wall.WaitForCircuitAsync();
        var card = wall.GetByTestId("pin-card");
        await Assertions.Expect(card).ToContainTextAsync("Interventions ouvertes — Seine-et-Marne", new() { Timeout = 15_000 });
        await Assertions.Expect(card.GetByTestId("pin-rows")).ToContainTextAsync("Chelles");
        await AssertNoSidewaysScrollAsync(wall, "wall");
        await wall.ScreenshotAsync("indicators-wall-pin");
    }
}
