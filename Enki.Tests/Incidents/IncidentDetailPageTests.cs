using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Live;
using Enki.Tests.Geography;
using Enki.Tests.Support;
using Enki.Web.Components.Incidents;
using Enki.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Enki.Tests.Incidents.IncidentSeed;

namespace Enki.Tests.Incidents;

/// <summary>The detail page rendered by bUnit over a real SQLite file: personal data and not-found.</summary>
[Collection(GeographyCollection.Name)]
public sealed class IncidentDetailPageTests(GeographyFixture geography) : MudBunitContext, IAsyncLifetime
{
    private IncidentStore _store = null!;
    private BunitAuthorizationContext _auth = null!;
    private readonly Incident _chelles = Open("FEU-CHELLES", Chelles, caller: Witness);
    private readonly Incident _guichen = Open("FEU-GUICHEN", Guichen, caller: Witness);

    public override async Task InitializeAsync()
    {
        _store = await new IncidentStore(geography.Geography).InitializeAsync();
        await _store.AddAsync(_chelles, _guichen);
        Services.AddSingleton(_store.Queries);
        Services.AddSingleton(geography.Geography);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IIncidentChangeFeed>(new InProcessIncidentChangeFeed(NullLogger<InProcessIncidentChangeFeed>.Instance));
        Services.AddRenderingPrincipal();
        Services.AddScoped(sp => new LiveIncidents(sp.GetRequiredService<IIncidentChangeFeed>(), sp.GetRequiredService<CircuitPrincipal>(), NullLogger<LiveIncidents>.Instance));
        _auth = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    // Re-implemented: the store's file goes once the context (and its MudBlazor services) is gone.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _store.DisposeAsync();
    }

    private IRenderedComponent<IncidentDetailPage> RenderAs(Viewer viewer, Guid id)
    {
        _auth.SetAuthorized(viewer.Id);
        _auth.SetClaims(
            new Claim(EnkiClaims.Profile, viewer.Profile!.Value.Code()),
            new Claim(EnkiClaims.Jurisdiction, viewer.Jurisdiction.ToString()));
        var page = Render<IncidentDetailPage>(p => p.Add(c => c.Id, id));
        page.WaitForState(() => !page.Markup.Contains("mud-progress-linear"));
        return page;
    }

    [Fact]
    public void Sdis_sees_the_callers_name_and_phone()
    {
        var page = RenderAs(IncidentStore.Sdis77, _chelles.Id);

        var caller = page.Find("[data-testid=caller-contact]").TextContent;
        Assert.Contains("Jeanne Témoin", caller);
        Assert.Contains("+33600000001", caller);
        Assert.Empty(page.FindAll("[data-testid=caller-reserved]"));
    }

    [Fact]
    public void The_callers_relation_reads_in_words_with_the_received_code_only_in_its_tooltip()
    {
        var page = RenderAs(IncidentStore.Sdis77, _chelles.Id);

        var relation = page.Find("[data-testid=caller-relation]");
        Assert.Equal("Voisine — un tiers (témoin)", relation.TextContent.Trim());
        Assert.Equal("TIERS", relation.GetAttribute("title"));
        Assert.DoesNotContain("TIERS", page.Find("[data-testid=caller-contact]").TextContent);
    }

    [Fact]
    public void A_mayor_and_a_prefecture_see_only_that_the_caller_is_reserved_to_the_sdis()
    {
        foreach (var viewer in new[] { IncidentStore.MayorOfChelles, IncidentStore.Prefecture77 })
        {
            var page = RenderAs(viewer, _chelles.Id);

            Assert.Contains("Coordonnées de l'appelant réservées au SDIS", page.Find("[data-testid=caller-reserved]").TextContent);
            Assert.DoesNotContain("Témoin", page.Markup);
            Assert.DoesNotContain("+33600000001", page.Markup);
        }
    }

    [Fact]
    public void An_incident_outside_the_jurisdiction_is_not_found_and_shows_nothing_of_it()
    {
        var page = RenderAs(IncidentStore.MayorOfChelles, _guichen.Id);

        Assert.Contains("Page introuvable", page.Markup);
        Assert.DoesNotContain("Guichen", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=incident-place]"));
    }

    [Fact]
    public void An_unknown_id_is_not_found()
    {
        Assert.Contains("Page introuvable", RenderAs(IncidentStore.National, Guid.NewGuid()).Markup);
    }

    [Fact]
    public void Shows_the_sections_in_french_with_territory_time_and_the_map_slot()
    {
        var page = RenderAs(IncidentStore.National, _chelles.Id);

        Assert.Contains("Chelles (77108)", page.Find("[data-testid=incident-place]").TextContent);
        // T0 is 09:00 at +01:00: 09:00 in Paris, whatever the server's zone.
        Assert.Contains("28/11/2026 09:00", page.Find("[data-testid=incident-times]").TextContent);
        Assert.Contains("plusieurs victimes", page.Find("[data-testid=incident-victims]").TextContent);
        Assert.Contains("Affaire créée", page.Find("[data-testid=incident-timeline]").TextContent);
        Assert.Single(page.FindAll("[data-testid=incident-map-slot]"));
    }

    [Fact]
    public async Task Refreshes_when_its_incident_changes()
    {
        var page = RenderAs(IncidentStore.Sdis77, _chelles.Id);
        await using (var db = await _store.DbFactory.CreateDbContextAsync())
        {
            var stored = await db.Incidents.FindAsync(_chelles.Id);
            stored!.Cancel(Later(stored, 5));
            await db.SaveChangesAsync();
            await Services.GetRequiredService<IIncidentChangeFeed>().PublishAsync([IncidentChange.Of(stored, isNew: false)]);
        }

        page.WaitForAssertion(() => Assert.Contains("Annulé", page.Find("[data-status]").TextContent));
    }
}
