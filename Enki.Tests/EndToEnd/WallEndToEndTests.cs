using Enki.Application.Crises;
using Enki.Application.Mobilisation;
using System.Net;
using System.Text.Json;
using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>The wall display at 1920×1080 in Chromium: readable at 3 metres, filled, and its lists narrowed to the wall and the viewer.</summary>
[Collection(WebCollection.Name)]
public sealed class WallEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-wall-0123456789";

    // The smallest font size among visible elements holding text of their own, and which one it is.
    private const string SmallestFont = """
        () => {
            let min = Infinity, where = "";
            for (const el of document.querySelectorAll("body *")) {
                if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
                const box = el.getBoundingClientRect();
                const style = getComputedStyle(el);
                if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
                const size = parseFloat(style.fontSize);
                if (size < min) { min = size; where = `${el.tagName}.${el.className} « ${el.textContent.trim().slice(0, 40)} »`; }
            }
            return { min, where };
        }
        """;

    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory().With("Enki:Nexsis:InboundApiKey", PushKey);
    private readonly List<IBrowserContext> _contexts = [];
    private Uri _base = null!;

    public WallEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _base = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    private async Task<IPage> WallAsync(string user)
    {
        var context = await _chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(_base, user);
        return page;
    }

    private async Task<Viewer> ViewerAsync(string userName)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        return new Viewer(user.Id, user.DisplayName, user.Profile, Jurisdiction.Of(user.JurisdictionKind, user.JurisdictionCode));
    }

    private async Task ShowAsync(IPage page, string scope, string panel)
    {
        await page.GotoAsync(new Uri(_base, $"mur/{scope}?panneau={panel}").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("wall-panel")).ToHaveAttributeAsync("data-panel", panel);
    }

    private static async Task AssertReadableAsync(IPage page, string panel)
    {
        var smallest = await page.EvaluateAsync<JsonElement>(SmallestFont);
        var min = smallest.GetProperty("min").GetDouble();
        Assert.True(min >= 24, $"panel {panel}: {min}px at {smallest.GetProperty("where").GetString()}");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"panel {panel} scrolls sideways");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollHeight > window.innerHeight"), $"panel {panel} overflows the screen");
    }

    [SkippableFact]
    public async Task A_wall_replays_the_past_for_a_debriefing_moving_on_by_itself()
    {
        var page = await WallAsync("prefecture77");
        var start = Enki.Web.Components.History.PastView.InstantText(DateTimeOffset.UtcNow.AddHours(-2), Domain.Geography.TerritoryClock.Paris);
        await page.GotoAsync(new Uri(_base, $"mur/departement/77?panneau=chiffres&a={start}&rejouer=600").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("wall-replay")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("wall-panel")).ToHaveAttributeAsync("data-panel", "chiffres");

        // ×600: ten minutes of the past go by each second, written in the address; nobody touches the wall.
        string Shown() => System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["a"] ?? "";
        await page.WaitForFunctionAsync("start => new URL(location.href).searchParams.get('a') > start", start, new() { Timeout = 15_000 });
        Assert.True(string.CompareOrdinal(Shown(), start) > 0, $"{Shown()} after {start}");
        await page.ScreenshotAsync("wall-replay");
    }

    [SkippableFact]
    public async Task Every_panel_is_readable_at_three_metres_and_the_figures_fill_the_screen()
    {
        using (var http = new HttpClient { BaseAddress = _base })
        {
            foreach (var (caseId, insee, lat, lon) in new[] { ("WALL-A", "77108", 48.8786, 2.5914), ("WALL-B", "77284", 48.9601, 2.8788), ("WALL-C", "77288", 48.5396, 2.6554) })
            {
                using var response = await http.PushNexsisAsync(TestMessages.CreateCase($"fr.fire.sis077.e2e.{caseId}", insee, lat, lon), PushKey);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }
        var page = await WallAsync("sdis77");
        foreach (var panel in new[] { "chiffres", "carte", "derniers", "crises", "mobilisations" })
        {
            await ShowAsync(page, "departement/77", panel);
            if (panel == "chiffres")
            {
                await Assertions.Expect(page.GetByTestId("wall-breakdown").GetByRole(AriaRole.Heading)).ToHaveTextAsync("Communes les plus touchées");
                await Assertions.Expect(page.GetByTestId("wall-breakdown")).ToContainTextAsync("Meaux");
                var counters = await page.GetByTestId("wall-counters").BoundingBoxAsync();
                Assert.True(counters!.Height > 700, $"the counters are {counters.Height}px high on a 1080px screen");
            }
            if (panel == "carte")
            {
                var map = page.GetByTestId("enki-map");
                await Assertions.Expect(map).ToHaveAttributeAsync("data-markers", "3", new() { Timeout = 15_000 });
                await Assertions.Expect(map).ToHaveAttributeAsync("data-commune-labels", new System.Text.RegularExpressions.Regex("^[1-9]\\d*$"), new() { Timeout = 15_000 });
                await Assertions.Expect(page.Locator(".leaflet-container")).ToHaveCSSAsync("background-color", "rgb(5, 8, 15)");
                await Assertions.Expect(page.Locator(".enki-legend").First).ToHaveCSSAsync("font-size", "24px");
                await Assertions.Expect(page.Locator(".leaflet-control-zoom")).ToHaveCountAsync(0);
                var box = await map.BoundingBoxAsync();
                Assert.True(box!.Height > 750, $"the map is {box.Height}px high on a 1080px screen");
            }
            await AssertReadableAsync(page, panel);
            await page.ScreenshotAsync($"wall-77-{panel}");
        }
    }

    [SkippableFact]
    public async Task Crises_and_pending_requests_are_those_of_the_walls_territory_that_the_viewer_may_see()
    {
        var now = DateTimeOffset.UtcNow;
        var sdis77 = await ViewerAsync("sdis77");
        var cogicViewer = await ViewerAsync("cogic");
        var crises = _app.Services.GetRequiredService<CrisisCommands>();
        await crises.OpenAsync(sdis77, new CrisisDraft("Tempête sur la Seine-et-Marne", CrisisType.Storm, null, [Jurisdiction.Department("77")], now.AddHours(-2), false));
        await crises.OpenAsync(cogicViewer, new CrisisDraft("Crue de la Vilaine", CrisisType.Flood, null, [Jurisdiction.Department("35")], now.AddHours(-1), false));
        var issued = await _app.Services.GetRequiredService<MobilisationCommands>().IssueAsync(sdis77, new MobilisationDraft
        {
            Object = "Hébergement des sinistrés",
            ResourceKind = "hébergement d'urgence",
            Quantity = 40,
            Unit = "personnes",
            PlaceText = "Gymnase Jean-Moulin",
            PlaceCommune = "77108",
            Priority = MobilisationPriority.Urgent,
            Deadline = now.AddMinutes(95),
            RecipientCommune = "77108",
        });
        Assert.Null(issued.Error);

        // COGIC sees every crisis, but a wall of Seine-et-Marne shows only the one over it.
        var cogic = await WallAsync("cogic");
        await ShowAsync(cogic, "departement/77", "crises");
        await Assertions.Expect(cogic.GetByTestId("wall-crisis")).ToHaveCountAsync(1);
        await Assertions.Expect(cogic.GetByTestId("wall-crises")).ToContainTextAsync("Tempête sur la Seine-et-Marne");
        await Assertions.Expect(cogic.GetByTestId("wall-crises")).Not.ToContainTextAsync("Vilaine");
        await AssertReadableAsync(cogic, "crises");
        await cogic.ScreenshotAsync("wall-cogic-77-crises");

        // The préfecture on a wall of Chelles: the department-wide crisis covers the commune.
        var prefecture = await WallAsync("prefecture77");
        await ShowAsync(prefecture, "commune/77108", "crises");
        await Assertions.Expect(prefecture.GetByTestId("wall-crises")).ToContainTextAsync("Tempête sur la Seine-et-Marne");

        // The mayor of Chelles (who does not see the department's crisis): the request addressed to the commune, with its deadline.
        var mayor = await WallAsync("maire-chelles");
        await ShowAsync(mayor, "commune/77108", "mobilisations");
        await Assertions.Expect(mayor.GetByTestId("wall-mobilisation")).ToHaveCountAsync(1);
        await Assertions.Expect(mayor.GetByTestId("wall-mobilisations")).ToContainTextAsync("Hébergement des sinistrés");
        await Assertions.Expect(mayor.GetByTestId("wall-deadline")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^dans 1 h [0-3][0-9]$"));
        await AssertReadableAsync(mayor, "mobilisations");
        await mayor.ScreenshotAsync("wall-chelles-mobilisations");

        // The SDIS that issued it sees it on its department's wall, not on another commune's.
        var sdis = await WallAsync("sdis77");
        await ShowAsync(sdis, "departement/77", "mobilisations");
        await Assertions.Expect(sdis.GetByTestId("wall-mobilisations")).ToContainTextAsync("Chelles");
        await ShowAsync(sdis, "commune/77284", "mobilisations");
        await Assertions.Expect(sdis.GetByTestId("wall-mobilisations")).ToContainTextAsync("Aucune demande en attente sur ce territoire.");
    }
}
