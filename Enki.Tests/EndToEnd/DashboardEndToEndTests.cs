using System.Diagnostics;
using System.Net;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>The live dashboard in Chromium: what a mayor sees arrives by itself, and only what is theirs.</summary>
[Collection(WebCollection.Name)]
public sealed class DashboardEndToEndTests : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private const string PushKey = "nexsis-push-e2e-0123456789";
    private readonly ChromiumBrowser _chromium;
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory().With("Enki:Nexsis:InboundApiKey", PushKey);
    private Uri _base = null!;

    public DashboardEndToEndTests(ChromiumBrowser chromium) => _chromium = chromium;

    public Task InitializeAsync()
    {
        _base = _app.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // Close the browsers first: open circuits would hold up the host's shutdown.
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.DisposeAsync();
    }

    private readonly List<IBrowserContext> _contexts = [];

    private async Task PushAsync(byte[] payload)
    {
        using var http = new HttpClient { BaseAddress = _base };
        Assert.Equal(HttpStatusCode.Accepted, (await http.PushNexsisAsync(payload, PushKey)).StatusCode);
    }

    private Task<IPage> SignedInPageAsync(string user, int width = 1440, int height = 900) =>
        _chromium.SignedInPageAsync(_base, user, width, height, _contexts);

    [SkippableFact]
    public async Task A_mayor_sees_a_new_incident_of_the_commune_within_two_seconds_and_never_another_communes()
    {
        var page = await SignedInPageAsync("maire-chelles");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("scope-title")).ToContainTextAsync("Chelles (77108)");
        await Assertions.Expect(page.GetByTestId("count-in-progress")).ToHaveTextAsync("0");

        // Another commune's incident first: it must never reach the mayor of Chelles.
        await PushAsync(TestMessages.CreateCase("fr.fire.sis035.e2e.GUICHEN", insee: "35126", lat: 47.9657986, lon: -1.7901215, nature: "C08.01.00"));
        var clock = Stopwatch.StartNew();
        await PushAsync(TestMessages.CreateCase("fr.fire.sis077.e2e.CHELLES", nature: "C04.02.01"));

        await Assertions.Expect(page.GetByTestId("count-in-progress")).ToHaveTextAsync("1", new() { Timeout = 2_000 });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        var latest = page.GetByTestId("latest-incidents");
        await Assertions.Expect(latest).ToContainTextAsync("Chelles");
        await Assertions.Expect(latest).Not.ToContainTextAsync("Guichen");
        Assert.DoesNotContain("Guichen", await page.ContentAsync());
        await page.ScreenshotAsync("dashboard-maire-chelles");

        // Another commune's dashboard by address: not found.
        var response = await page.GotoAsync(new Uri(_base, "tableau-de-bord/commune/35126").ToString());
        Assert.Equal(404, response!.Status);
    }

    [SkippableFact]
    public async Task The_wall_display_renders_at_1920_by_1080_and_the_phone_layout_at_390_by_844()
    {
        await PushAsync(TestMessages.CreateCase("fr.fire.sis077.e2e.WALL1"));
        await PushAsync(TestMessages.Situation("fr.fire.sis077.e2e.WALL1", "IPR", TestMessages.T0.AddMinutes(5), red: 2, yellow: 1, evacuated: 30));

        var wall = await SignedInPageAsync("sdis77", 1920, 1080);
        foreach (var panel in new[] { "chiffres", "carte", "derniers" })
        {
            await wall.GotoAsync(new Uri(_base, $"mur/departement/77?panneau={panel}").ToString());
            await wall.WaitForCircuitAsync();
            await Assertions.Expect(wall.GetByTestId("wall-title")).ToHaveTextAsync("Seine-et-Marne (77)");
            await Assertions.Expect(wall.GetByTestId("wall-panel")).ToHaveAttributeAsync("data-panel", panel);
            if (panel == "carte")
            {
                await Assertions.Expect(wall.GetByTestId("enki-map")).ToHaveAttributeAsync("data-markers", "1");
            }
            await wall.ScreenshotAsync($"wall-{panel}");
        }
        Assert.Equal(0, await wall.Locator("nav, .mud-drawer").CountAsync()); // kiosk: no navigation
        var overflow = await wall.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the wall must not scroll sideways");

        var phone = await SignedInPageAsync("maire-chelles", 390, 844);
        await phone.WaitForCircuitAsync();
        await Assertions.Expect(phone.GetByTestId("count-in-progress")).ToBeVisibleAsync();
        Assert.False(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "no sideways scrolling on a phone");
        await phone.ScreenshotAsync("dashboard-phone");
    }

    [SkippableFact]
    public async Task A_duty_officer_goes_down_from_the_department_to_a_commune_by_its_name_and_sees_the_menu_follow()
    {
        var page = await SignedInPageAsync("sdis77");
        await page.GotoAsync(new Uri(_base, "tableau-de-bord/departement/77").ToString());
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("a.mud-nav-link.active")).ToHaveTextAsync("Tableau de bord");

        await page.GetByTestId("scope-down").ClickAsync();
        // The button gives way to the autocomplete, focused: typing goes straight into it.
        var picker = page.Locator("input:focus");
        await Assertions.Expect(picker).ToBeVisibleAsync();
        await picker.FillAsync("Chelles");
        // Click once the list has settled on the search's answer (an earlier list may still be on screen).
        var options = page.Locator(".mud-popover-open [role=option]");
        await Assertions.Expect(options).ToHaveCountAsync(1);
        await options.GetByText("Chelles (Seine-et-Marne)").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tableau-de-bord/commune/77108$"));
        await Assertions.Expect(page.GetByTestId("scope-title")).ToHaveTextAsync("Tableau de bord — Chelles (77108)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Incidents" }).ClickAsync();
        await Assertions.Expect(page.Locator("a.mud-nav-link.active")).ToHaveTextAsync("Incidents");
    }

    [SkippableFact]
    public async Task Meaux_then_Enter_opens_Meaux_and_not_a_commune_merely_containing_its_name()
    {
        var page = await SignedInPageAsync("sdis77");
        await page.GotoAsync(new Uri(_base, "tableau-de-bord/departement/77").ToString());
        await page.WaitForCircuitAsync();

        await page.GetByTestId("scope-down").ClickAsync();
        var picker = page.Locator("input:focus");
        await Assertions.Expect(picker).ToBeVisibleAsync();
        await picker.PressSequentiallyAsync("Meaux", new() { Delay = 30 });
        // The list answers the whole word (Crégy-lès-Meaux, Nanteuil-lès-Meaux… come after Meaux itself).
        var first = page.Locator(".mud-popover-open [role=option]").First;
        await Assertions.Expect(first).ToHaveTextAsync("Meaux (Seine-et-Marne)");
        await picker.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tableau-de-bord/commune/77284$"));
        await Assertions.Expect(page.GetByTestId("scope-title")).ToContainTextAsync("Meaux");
    }

    /// <summary>
    /// Scrubbing the past: NexSIS's case of 28 November (two urgences absolues) reaches Enki now, so an
    /// hour ago Enki knew nothing of it (as known) though it was under way (as it was).
    /// </summary>
    [SkippableFact]
    public async Task The_duty_officer_scrubs_the_dashboard_back_an_hour_reads_the_counters_at_each_instant_and_returns_to_live()
    {
        const string Case = "fr.fire.sis077.e2e.PASSE";
        await PushAsync(TestMessages.CreateCase(Case));
        await PushAsync(TestMessages.Situation(Case, "IPR", TestMessages.T0.AddMinutes(5), red: 2));
        var page = await SignedInPageAsync("sdis77");
        var live = new Uri(_base, "tableau-de-bord/departement/77").ToString();

        // An hour ago, in Paris time, as known: nothing yet.
        var hourAgo = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-1), Enki.Domain.Geography.TerritoryClock.Paris);
        await page.GotoAsync($"{live}?a={hourAgo:yyyy-MM-dd'T'HH:mm}");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("past-title")).ToContainTextAsync($"à {hourAgo:HH:mm} — telle que connue à cet instant");
        await Assertions.Expect(page.GetByTestId("count-in-progress")).ToHaveTextAsync("0");

        // The slider to its right end (now): the case and its victims are known (once the intake job has run).
        await page.Locator(".enki-past input[type=range]").PressAsync("End");
        await Assertions.Expect(page.GetByTestId("count-in-progress")).ToHaveTextAsync("1", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("count-red")).ToHaveTextAsync("2");
        Assert.Contains("a=", page.Url);

        // An hour back, then as it actually was: the case of the 28th was under way all along.
        await page.GetByTestId("past-step-60").ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-in-progress")).ToHaveTextAsync("0");
        await page.Locator(".enki-past input[type=checkbox]").CheckAsync();
        await Assertions.Expect(page.GetByTestId("past-title")).ToContainTextAsync("telle qu'elle était (messages tardifs compris)");
        await Assertions.Expect(page.GetByTestId("count-in-progress")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("count-red")).ToHaveTextAsync("2");
        Assert.Contains("horloge=tel-que-c-etait", page.Url);
        await Assertions.Expect(page.GetByTestId("enki-map")).ToHaveAttributeAsync("data-markers", "1");
        await page.ScreenshotAsync("past-dashboard-desktop");

        await page.GetByTestId("back-to-live").ClickAsync();
        await Assertions.Expect(page.GetByTestId("past-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tableau-de-bord/departement/77$"));
        await Assertions.Expect(page.GetByTestId("count-in-progress")).ToHaveTextAsync("1");

        // The same person on a phone-sized window (same session: signing in again costs seconds).
        var phone = await page.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync($"{live}?a={hourAgo:yyyy-MM-dd'T'HH:mm}&horloge=tel-que-c-etait");
        await phone.WaitForCircuitAsync();
        await Assertions.Expect(phone.GetByTestId("count-in-progress")).ToHaveTextAsync("1");
        Assert.False(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "no sideways scrolling on a phone");
        await phone.ScreenshotAsync("past-dashboard-phone");

        // The incident list takes the same instant and clock.
        await phone.GotoAsync(new Uri(_base, $"incidents?a={hourAgo:yyyy-MM-dd'T'HH:mm}&horloge=tel-que-c-etait").ToString());
        await Assertions.Expect(phone.GetByTestId("past-count")).ToHaveTextAsync("1 incident en cours à cet instant");
        await phone.ScreenshotAsync("past-incidents-phone");
    }
}
