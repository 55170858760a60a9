using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.History;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Incidents;
using Enki.Tests.Map;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Enki.Web.Components.Dashboard;
using Enki.Web.Components.Map;
using Enki.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.History;

/// <summary>
/// The dashboard page at a past instant, rendered by bUnit over a real intake with a late message
/// (<see cref="LateTriage"/>: Chelles's triage of 09:10 reached Enki at 09:30).
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class PastDashboardPageTests(GeographyFixture geography) : MudBunitContext, IAsyncLifetime
{
    private const string Chelles = "fr.fire.sis077.cga-077.PAGE-PASSE-CHELLES";
    private const string Guichen = "fr.fire.sis035.cga-035.PAGE-PASSE-GUICHEN";
    private readonly IntakeHarness _intake = new(geography.Geography);
    private BunitAuthorizationContext _auth = null!;

    private LiveTerritories Live => Services.GetRequiredService<LiveTerritories>();

    public override async Task InitializeAsync()
    {
        await LateTriage.SeedAsync(_intake, Chelles, Guichen);

        var store = _intake.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();
        Services.AddSingleton(geography.Geography);
        Services.AddSingleton<ITerritoryDirectory>(new GeographyTerritoryDirectory(geography.Geography));
        Services.AddSingleton<TerritoryScope>();
        Services.AddSingleton<TimeProvider>(_intake.Clock);
        Services.AddSingleton(new PastSituationQueries(store, geography.Geography));
        Services.AddSingleton(new DashboardQueries(store, geography.Geography));
        // The live page's vigilance strip reads the same store (no vigilance in it: the strip stays empty).
        Services.AddSingleton(new Enki.Infrastructure.Vigilance.VigilanceQueries(store, new GeographyTerritoryDirectory(geography.Geography)));
        Services.AddSingleton(new Enki.Infrastructure.Vigilance.VigilanceLiveFeed(
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Enki.Infrastructure.Vigilance.VigilanceLiveFeed>.Instance));
        Services.AddSingleton<IIncidentMapQueries>(new FakeIncidentMapQueries());
        Services.AddSingleton<Enki.Domain.Incidents.IIncidentChangeFeed>(new FakeChangeFeed());
        Services.AddSingleton<LiveTerritories>();
        Services.AddSingleton<TerritoryBounds>();
        Services.AddEnkiMap(new ConfigurationBuilder().Build());
        Services.AddScoped<CircuitConnection>();
        Services.AddRenderingPrincipal();
        _auth = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _intake.DisposeAsync();
    }

    private IRenderedComponent<DashboardPage> RenderAs(Viewer viewer, string? kind, string? code, string? instant, string? clock = null)
    {
        _auth.SetAuthorized(viewer.Id);
        _auth.SetClaims(
            new Claim(EnkiClaims.Profile, viewer.Profile!.Value.Code()),
            new Claim(EnkiClaims.Jurisdiction, viewer.Jurisdiction.ToString()));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["a"] = instant, ["horloge"] = clock }));
        return Render<DashboardPage>(p => p.Add(c => c.Kind, kind).Add(c => c.Code, code));
    }

    private static int Count(IRenderedComponent<DashboardPage> page, string testId) =>
        int.Parse(page.Find($"[data-testid={testId}]").TextContent.Trim(), System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    [Fact]
    public void At_09_20_as_known_the_department_saw_chelles_without_victims_and_nothing_listens_live()
    {
        var page = RenderAs(IncidentStore.Sdis77, "departement", "77", "2026-11-28T09:20");
        page.WaitForElement("[data-testid=past-dashboard]");

        Assert.Equal("Situation au 28 nov. 2026 à 09:20 — telle que connue à cet instant", page.Find("[data-testid=past-title]").TextContent);
        Assert.Equal(1, Count(page, "count-in-progress"));
        Assert.Equal(0, Count(page, "count-red"));
        Assert.Equal(0, Live.Watched); // neither the figures nor the map watch the live territory
        Assert.Empty(page.FindAll("[data-testid=past-entry]"));
    }

    [Fact]
    public void At_09_20_as_it_was_the_late_triage_shows_its_two_urgences_absolues()
    {
        var page = RenderAs(IncidentStore.Sdis77, "departement", "77", "2026-11-28T09:20", "tel-que-c-etait");
        page.WaitForElement("[data-testid=past-dashboard]");

        Assert.Contains("telle qu'elle était (messages tardifs compris)", page.Find("[data-testid=past-title]").TextContent);
        Assert.Equal(1, Count(page, "count-in-progress"));
        Assert.Equal(2, Count(page, "count-red"));
    }

    [Fact]
    public void Before_the_cases_reached_enki_nothing_was_known_and_the_live_page_does_listen()
    {
        var past = RenderAs(IncidentStore.Sdis77, "departement", "77", "2026-11-28T09:02");
        past.WaitForElement("[data-testid=past-dashboard]");
        Assert.Equal(0, Count(past, "count-in-progress"));

        var live = RenderAs(IncidentStore.Sdis77, "departement", "77", null);
        live.WaitForElement("[data-testid=count-in-progress]");
        Assert.Empty(live.FindAll("[data-testid=past-banner]"));
        Assert.Single(live.FindAll("[data-testid=past-entry]"));
        Assert.Equal(1, Live.Watched);
    }

    [Fact]
    public void A_mayor_sees_only_the_past_of_the_commune()
    {
        var page = RenderAs(IncidentStore.MayorOfChelles, null, null, "2026-11-28T09:20", "tel-que-c-etait");
        page.WaitForElement("[data-testid=past-dashboard]");

        Assert.Equal(1, Count(page, "count-in-progress"));
        Assert.Contains("Chelles", page.Find("[data-testid=latest-incidents]").TextContent);
        Assert.DoesNotContain("Guichen", page.Markup);
    }

    [Theory]
    [InlineData("hier soir", null, "« hier soir » n'est pas un instant lisible")]
    [InlineData("2026-11-28T09:20", "demain", "« demain » n'est pas une horloge connue")]
    public void An_unreadable_instant_or_clock_is_said_in_french_with_the_way_back_to_live(string instant, string? clock, string message)
    {
        var page = RenderAs(IncidentStore.Sdis77, "departement", "77", instant, clock);

        Assert.Contains(message, page.Find("[data-testid=past-refused]").TextContent);
        Assert.Single(page.FindAll("[data-testid=back-to-live]"));
        Assert.Empty(page.FindAll("[data-testid=count-in-progress]"));
    }
}
