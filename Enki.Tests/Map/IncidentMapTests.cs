using System.Text.Json;
using Bunit;
using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Incidents;
using Enki.Tests.Geography;
using Enki.Tests.Support;
using Enki.Web.Components.Map;
using Enki.Web.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Map;

[Collection(GeographyCollection.Name)]
public sealed class IncidentMapTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly FakeIncidentMapQueries _queries = new();
    private readonly FakeChangeFeed _feed = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private BunitJSModuleInterop _handle = default!;

    public IncidentMapTests(GeographyFixture geography)
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddSingleton<IIncidentMapQueries>(_queries);
        _ctx.Services.AddSingleton<IIncidentChangeFeed>(_feed);
        _ctx.AddAuthorization();
        _ctx.Services.AddRenderingPrincipal();
        _ctx.Services.AddSingleton(NoFigures.Queries);
        _ctx.Services.AddSingleton<LiveTerritories>();
        _ctx.Services.AddSingleton<TimeProvider>(_clock);
        _ctx.Services.AddSingleton(geography.Geography);
        _ctx.Services.AddSingleton<TerritoryBounds>();
        _ctx.Services.AddEnkiMap(new ConfigurationBuilder().Build());
    }

    public Task InitializeAsync()
    {
        var module = _ctx.JSInterop.SetupModule("./js/map.js");
        _handle = module.SetupModule("createMap", _ => true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<IncidentMap> Render(Jurisdiction scope, bool compact = false)
    {
        var cut = _ctx.Render<IncidentMap>(p => p.Add(m => m.Scope, scope).Add(m => m.Compact, compact));
        cut.WaitForAssertion(() => _handle.VerifyInvoke("showIncidents"));
        return cut;
    }

    private IncidentLayerOptions LayerOptions(string function = "showIncidents") =>
        JsonSerializer.Deserialize<IncidentLayerOptions>(Assert.IsType<byte[]>(_handle.Invocations[function][^1].Arguments[1]), JsonSerializerOptions.Web)!;

    /// <summary>The marker layer sent by the last call of <paramref name="function"/>, as the page parses it.</summary>
    private MarkerLayerPayload Layer(string function = "showIncidents") =>
        JsonSerializer.Deserialize<MarkerLayerPayload>(Assert.IsType<byte[]>(_handle.Invocations[function][^1].Arguments[0]), JsonSerializerOptions.Web)!;

    [Fact]
    public void A_department_map_draws_its_markers_unclustered_with_its_communes_and_no_choropleth()
    {
        Render(Jurisdiction.Department("77"));

        Assert.False(Layer().Partial);
        var markers = Layer().Markers;
        Assert.Equal(_queries.Markers.Select(m => m.Id), markers.Select(m => m.Id));
        var chelles = markers[0];
        Assert.Equal(("C04", "Chelles", "En cours", true), (chelles.Family, chelles.Commune, chelles.Status, chelles.Active));
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} à \d{2}:\d{2}$", chelles.Opened);
        Assert.False(markers[1].Active);
        Assert.False(LayerOptions().Cluster);
        Assert.True(LayerOptions().Legend);
        Assert.Equal(new FamilyStyle("Incendie", "#D55E00"), LayerOptions().Families["C04"]);
        _handle.VerifyNotInvoke("showChoropleth");
        Assert.Equal("api/v1/geography/communes/77.geojson", _handle.VerifyInvoke("showCommuneOutlines").Arguments[0]);
        Assert.Equal(new[] { "77" }, _handle.VerifyInvoke("focusDepartments").Arguments[0]);
        var bounds = Assert.IsType<double[][]>(_handle.VerifyInvoke("fitTo").Arguments[0]);
        Assert.InRange(bounds[0][0], 48.0, 48.2); // Seine-et-Marne runs from about 48.12 N to 49.12 N
        Assert.InRange(bounds[1][0], 49.0, 49.2);
    }

    [Fact]
    public void The_national_map_clusters_paints_the_choropleth_and_frames_france()
    {
        Render(Jurisdiction.National);

        Assert.True(LayerOptions().Cluster);
        var choropleth = _handle.VerifyInvoke("showChoropleth");
        Assert.Equal(new Dictionary<string, int> { ["77"] = 1 }, choropleth.Arguments[0]);
        Assert.Null(_handle.VerifyInvoke("fitTo").Arguments[0]);
        Assert.Null(_handle.VerifyInvoke("showCommuneOutlines").Arguments[0]);
    }

    [Fact]
    public void A_zone_map_clusters_without_choropleth_and_focuses_on_the_zone_departments()
    {
        Render(Jurisdiction.Zone("PARIS"));

        Assert.True(LayerOptions().Cluster);
        _handle.VerifyNotInvoke("showChoropleth");
        var focus = Assert.IsType<string[]>(_handle.VerifyInvoke("focusDepartments").Arguments[0]);
        Assert.Equal(8, focus.Length);
        Assert.Contains("77", focus);
    }

    [Fact]
    public void A_commune_map_draws_the_communes_of_its_department_unclustered()
    {
        Render(Jurisdiction.Commune("77108"));

        Assert.False(LayerOptions().Cluster);
        Assert.Equal("api/v1/geography/communes/77.geojson", _handle.VerifyInvoke("showCommuneOutlines").Arguments[0]);
    }

    [Fact]
    public void A_compact_map_has_no_legend()
    {
        Render(Jurisdiction.National, compact: true);

        Assert.False(LayerOptions().Legend);
        Assert.False(Assert.IsType<ChoroplethOptions>(_handle.VerifyInvoke("showChoropleth").Arguments[1]).Legend);
    }

    [Fact]
    public async Task A_burst_of_changes_inside_the_scope_sends_only_what_changed_once_after_the_throttle_interval()
    {
        var cut = Render(Jurisdiction.Department("77"));
        var change = FakeChangeFeed.Change("77108", "77", "PARIS");
        var added = _queries.Markers[0] with { Id = Guid.NewGuid(), CommuneName = "Torcy" };
        _queries.Markers.Add(added);
        _queries.Markers.RemoveAt(1);

        await _feed.PublishAsync([change]);
        await _feed.PublishAsync([change]);
        await _feed.PublishAsync([change]);
        Assert.Empty(_handle.Invocations["updateIncidents"]);
        var waited = await _clock.AdvanceUntilAsync(() => _handle.Invocations["updateIncidents"].Count > 0);

        Assert.True(waited >= IncidentMap.ReloadInterval, $"reloaded after {waited}");
        await Task.Delay(100); // proves a non-event (no second reload): a bounded wait
        Assert.Single(_handle.Invocations["updateIncidents"]);
        Assert.Equal(2, _queries.MarkerReads);
        var update = Layer("updateIncidents");
        Assert.True(update.Partial);
        Assert.Equal("Torcy", Assert.Single(update.Markers).Commune);
        Assert.Single(update.Removed);
    }

    [Fact]
    public async Task A_change_that_leaves_the_markers_as_they_were_sends_nothing()
    {
        var cut = Render(Jurisdiction.Department("77"));

        await _feed.PublishAsync([FakeChangeFeed.Change("77108", "77", "PARIS")]);
        await _clock.AdvanceUntilAsync(() => _queries.MarkerReads == 2);

        await Task.Delay(100); // proves a non-event (no update pushed): a bounded wait
        Assert.Empty(_handle.Invocations["updateIncidents"]);
    }

    [Fact]
    public async Task Changes_outside_the_scope_or_in_exercises_do_not_reload()
    {
        Render(Jurisdiction.Department("77"));

        await _feed.PublishAsync([FakeChangeFeed.Change("35126", "35", "OUEST")]);
        await _feed.PublishAsync([FakeChangeFeed.Change("77108", "77", "PARIS", exercise: true)]);
        _clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(100); // proves a non-event (no reload): a bounded wait

        Assert.Empty(_handle.Invocations["updateIncidents"]);
        Assert.Equal(1, _queries.MarkerReads);
    }

    [Fact]
    public async Task Disposing_the_map_stops_watching_its_territory()
    {
        var cut = Render(Jurisdiction.Department("77"));
        var territories = _ctx.Services.GetRequiredService<LiveTerritories>();
        Assert.Equal(1, territories.Watched);

        await cut.Instance.DisposeAsync();

        Assert.Equal(0, territories.Watched);
        _handle.VerifyInvoke("dispose");
    }
}
