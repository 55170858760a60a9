using System.Security.Claims;
using System.Text.Json;
using Bunit;
using Bunit.TestDoubles;
using Enki.Application.Indicators;
using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Live;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Enki.Web.Api;
using Enki.Web.Components.Indicators;
using Enki.Web.Components.Map;
using Enki.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using static Enki.Tests.Indicators.IndicatorDataSet;

namespace Enki.Tests.Indicators;

/// <summary>
/// The « Indicateurs » page rendered by bUnit over the day of <see cref="IndicatorDataSet"/> (figures worked out by
/// hand there): what it shows, the same as the API for the same view, and only inside the viewer's jurisdiction.
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class IndicatorsPageTests(GeographyFixture geography) : MudBunitContext, IAsyncLifetime
{
    private const string Day28 = "du=2026-11-28&au=2026-11-28";

    private readonly IntakeHarness _intake = new(geography.Geography, services =>
    {
        services.AddSingleton<IndicatorQueries>();
        services.AddHttpContextAccessor();
        services.AddEnkiCrises();
        services.AddSingleton<IndicatorPinCommands>();
    });

    private BunitAuthorizationContext _auth = null!;
    private bool _popovers;

    public override async Task InitializeAsync()
    {
        await _intake.InitializeAsync();
        await LoadAsync(_intake, geography.Geography);
        var directory = new GeographyTerritoryDirectory(geography.Geography);
        Services.AddSingleton(_intake.Services.GetRequiredService<IndicatorQueries>());
        Services.AddSingleton(_intake.Services.GetRequiredService<CrisisQueries>());
        Services.AddSingleton(_intake.Services.GetRequiredService<IndicatorPinCommands>());
        Services.AddSingleton(geography.Geography);
        Services.AddSingleton<ITerritoryDirectory>(directory);
        Services.AddSingleton(new TerritoryScope(directory));
        Services.AddSingleton(new IndicatorGeoJson(geography.Geography, DepartmentOutlines.Load()));
        Services.AddSingleton<TerritoryBounds>();
        Services.AddEnkiMap(new ConfigurationBuilder().Build());
        Services.AddSingleton<TimeProvider>(_intake.Clock);
        Services.AddSingleton<IIncidentChangeFeed>(new InProcessIncidentChangeFeed(NullLogger<InProcessIncidentChangeFeed>.Instance));
        Services.AddRenderingPrincipal();
        _auth = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _intake.DisposeAsync();
    }

    private IRenderedComponent<IndicatorsPage> Open(Viewer viewer, string url)
    {
        _auth.SetAuthorized(viewer.Id);
        _auth.SetClaims(
            new Claim(EnkiClaims.Profile, viewer.Profile!.Value.Code()),
            new Claim(EnkiClaims.Jurisdiction, viewer.Jurisdiction.ToString()));
        if (!_popovers)
        {
            Render<MudPopoverProvider>();
            _popovers = true;
        }
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var path = url.Split('?')[0].Split('/');
        var page = Render<IndicatorsPage>(p => p
            .Add(c => c.Kind, path.ElementAtOrDefault(1))
            .Add(c => c.Code, path.ElementAtOrDefault(2)));
        page.WaitForState(() => page.FindAll("[data-testid=indicator-figure]").Count > 0 || page.Markup.Contains("Page introuvable"), TimeSpan.FromSeconds(10));
        return page;
    }

    private static List<string> Values(IRenderedComponent<IndicatorsPage> page) =>
        page.FindAll("[data-testid=indicator-value]").Select(v => v.TextContent.Trim()).ToList();

    /// <summary>What the API answers for the page's own « JSON » export link, computed in process through the API's own parsing.</summary>
    private async Task<JsonElement> ApiAsync(IRenderedComponent<IndicatorsPage> page, Viewer viewer)
    {
        var href = page.Find("[data-testid=export-json]").GetAttribute("href")!;
        var code = href.Split('?')[0].Split('/')[^1];
        var query = QueryHelpers.ParseQuery(href[href.IndexOf('?')..]);
        string? Get(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        var parameters = new IndicatorApiQuery(Get("territory"), DateTimeOffset.Parse(Get("from")!), DateTimeOffset.Parse(Get("to")!),
            Get("step"), Get("representation"), Get("category"), Get("format"));
        var (request, _) = parameters.ToRequest(IndicatorCatalogue.Find(code)!, viewer, _intake.Clock.GetUtcNow(), null)!.Value;
        var result = await Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer, request);
        return JsonSerializer.SerializeToElement(IndicatorValuesResource.Of(result!), JsonSerializerOptions.Web);
    }

    [Fact]
    public async Task The_number_is_the_hand_computed_count_and_the_same_as_the_api_for_the_same_view()
    {
        var page = Open(National, $"indicateurs/national?indicateur=interventions-ouvertes&{Day28}&pas=heure&representation=chiffre");

        Assert.Equal(["4"], Values(page)); // A, B, C, D: not the exercise, not F nor G (other days)
        Assert.Contains("Nombre d'affaires NexSIS", page.Find("[data-testid=indicator-definition]").TextContent);
        var api = await ApiAsync(page, National);
        Assert.Equal(4, api.GetProperty("rows")[0].GetProperty("values").GetProperty("count").GetDouble());
        Assert.Equal(Day, api.GetProperty("from").GetDateTimeOffset()); // Paris midnight
        Assert.Equal(Day.AddDays(1), api.GetProperty("to").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_table_by_commune_shows_the_api_rows_of_the_department()
    {
        var page = Open(Sdis77(), $"indicateurs/departement/77?indicateur=interventions-ouvertes&{Day28}&pas=jour&representation=communes");

        var rows = page.FindAll("[data-testid=indicator-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Chelles (77108)") && r.Contains('2'));
        Assert.Contains(rows, r => r.Contains("Meaux (77284)") && r.Contains('1'));
        var api = (await ApiAsync(page, Sdis77())).GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("area").GetString(), r.GetProperty("values").GetProperty("count").GetDouble())).ToList();
        Assert.Equal([("77108", 2d), ("77284", 1d)], api);
    }

    [Fact]
    public void The_series_totals_the_day_hour_by_hour_in_paris_time()
    {
        var page = Open(National, $"indicateurs/national?indicateur=interventions-ouvertes&{Day28}&pas=heure&representation=serie");

        Assert.Contains("Total sur la période : 4 interventions", page.Find("[data-testid=indicator-series-total]").TextContent);
        Assert.Contains("du 28/11/2026 00:00 au 29/11/2026 00:00", page.Find("[data-testid=indicator-period]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=indicator-live]")); // a past day is not live
    }

    [Fact]
    public async Task The_series_by_category_draws_a_line_per_victim_category_met_and_matches_the_api()
    {
        var page = Open(National, $"indicateurs/national?indicateur=victimes&{Day28}&pas=heure&representation=serie-categories");

        Assert.Contains("Total sur la période : 27 personnes", page.Find("[data-testid=indicator-series-total]").TextContent);
        var chart = page.Find("[data-testid=indicator-series]").TextContent;
        foreach (var line in new[] { "Décédés", "Urgences absolues", "Urgences relatives", "Impliqués", "Évacués" }) Assert.Contains(line, chart);
        // No missing nor displaced person that day: no flat line for them.
        Assert.DoesNotContain("Disparus", chart);
        Assert.DoesNotContain("Déplacés", chart);
        var nine = (await ApiAsync(page, National)).GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("at").GetDateTimeOffset() == At(9, 0))
            .Select(r => (r.GetProperty("category").GetString(), r.GetProperty("values").GetProperty("count").GetDouble())).ToList();
        Assert.Equal([("deceased", 1d), ("absolute-emergency", 1d), ("relative-emergency", 2d), ("involved", 3d), ("missing", 0d), ("evacuated", 20d), ("displaced", 0d)], nine);
    }

    [Fact]
    public async Task While_the_period_reaches_now_a_new_case_is_counted_without_reloading()
    {
        var page = Open(National, "indicateurs/national?indicateur=interventions-ouvertes&periode=24h&pas=heure&representation=chiffre");
        Assert.Equal(["0"], Values(page)); // the harness's clock stands on 1 December, three days after the data set
        Assert.Contains("en direct", page.Find("[data-testid=indicator-live]").TextContent);

        var now = _intake.Clock.GetUtcNow();
        await _intake.PushAsync(TestMessages.CreateCase("case.live", sentAt: now.AddHours(-1)));
        await _intake.DrainAsync();
        await Services.GetRequiredService<IIncidentChangeFeed>().PublishAsync(
            [new IncidentChange(Guid.NewGuid(), "case.live", "77108", "77", "PARIS", false, IncidentStatus.Reported, true, now)]);
        // Recomputed at most once per 2 s after the page's own computation: the window passes on the page's clock.
        var waited = await _intake.Clock.AdvanceUntilAsync(() => Values(page) is ["1"]);

        Assert.True(waited >= IndicatorLive.Window, $"recomputed after {waited}");
    }

    [Fact]
    public void A_mayor_never_sees_another_communes_figures_through_the_page()
    {
        Assert.Contains("Page introuvable", Open(MayorOfGuichen, $"indicateurs/commune/77108?indicateur=interventions-ouvertes&{Day28}&representation=chiffre").Markup);
        Assert.Contains("Page introuvable", Open(MayorOfGuichen, $"indicateurs/departement/35?indicateur=interventions-ouvertes&{Day28}&representation=chiffre").Markup);

        var own = Open(MayorOfGuichen, $"indicateurs?indicateur=interventions-ouvertes&{Day28}&representation=communes");
        Assert.Equal(["Guichen (35126)"], own.FindAll("[data-testid=indicator-table] tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain("Chelles", own.Markup);
    }

    [Fact]
    public void Choosing_a_representation_puts_it_in_the_address_and_keeps_the_rest()
    {
        var page = Open(National, $"indicateurs/national?indicateur=victimes&{Day28}&pas=jour&representation=chiffre");

        page.Find("[data-testid=representations] button[data-representation=Table]").Click();

        var uri = Services.GetRequiredService<NavigationManager>().Uri;
        Assert.EndsWith("indicateurs/national?indicateur=victimes&du=2026-11-28&au=2026-11-28&pas=jour&representation=tableau", uri);
    }

    [Theory]
    [InlineData("indicateurs/departement/77?indicateur=interventions-en-cours&periode=7j&pas=jour&representation=tableau")]
    [InlineData("indicateurs/crise/3f2504e0-4f89-11d3-9a0c-0305e82c3301?indicateur=victimes&du=2026-11-01&au=2026-11-28&pas=jour&representation=serie&categorie=red")]
    [InlineData("indicateurs?indicateur=taux-interventions&periode=30j&pas=heure&representation=communes")]
    public void A_view_reads_back_from_its_own_address(string url)
    {
        var view = IndicatorView.FromUrl(url)!;

        Assert.Equal(url, view.ToUrl());
        Assert.Equal(view, IndicatorView.FromUrl(view.ToUrl()));
    }

    [Fact]
    public void An_unreadable_address_falls_back_to_defaults_an_indicator_supports()
    {
        // « population-touchee » has no commune map nor table: its series instead.
        var view = IndicatorView.FromUrl("indicateurs?indicateur=population-touchee&representation=communes&pas=semaine&du=2026-12-01&au=2026-11-01")!;

        Assert.Equal((IndicatorRepresentation.TimeSeries, IndicatorStep.Hour, "24h"), (view.Representation, view.Step, view.Period));
        Assert.Null(IndicatorView.FromUrl("indicateurs/planete/mars?indicateur=victimes"));
    }

    private static Viewer Sdis77() => new("sdis77", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
}
