using Bunit;
using Enki.Web.Components.Map;
using Microsoft.Extensions.Configuration;

namespace Enki.Tests.Map;

public sealed class IncidentPointMapTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private BunitJSModuleInterop _handle = default!;

    public Task InitializeAsync()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddEnkiMap(new ConfigurationBuilder().Build());
        _handle = _ctx.JSInterop.SetupModule("./js/map.js").SetupModule("createMap", _ => true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void Centres_one_marker_on_the_point_with_the_communes_of_its_department()
    {
        var cut = _ctx.Render<IncidentPointMap>(p => p
            .Add(m => m.Latitude, 48.8786).Add(m => m.Longitude, 2.5914).Add(m => m.DepartmentCode, "77"));

        Assert.Contains("height: 260px", cut.Find("[data-testid=enki-point-map]").GetAttribute("style"));
        Assert.Equal(new object?[] { 48.8786, 2.5914, IncidentPointMap.PointZoom }, _handle.VerifyInvoke("showPoint").Arguments);
        Assert.Equal("api/v1/geography/communes/77.geojson", _handle.VerifyInvoke("showCommuneOutlines").Arguments[0]);
    }

    [Fact]
    public void Without_a_department_only_the_point_is_drawn_and_a_new_point_moves_the_same_map()
    {
        var cut = _ctx.Render<IncidentPointMap>(p => p.Add(m => m.Latitude, 47.9667).Add(m => m.Longitude, -1.7953).Add(m => m.Height, "180px"));

        cut.Render(p => p.Add(m => m.Latitude, 48.0).Add(m => m.Longitude, -1.8));

        Assert.Contains("height: 180px", cut.Find("[data-testid=enki-point-map]").GetAttribute("style"));
        _handle.VerifyNotInvoke("showCommuneOutlines");
        Assert.Equal(2, _handle.Invocations["showPoint"].Count);
        _ctx.JSInterop.VerifyInvoke("import", calledTimes: 1);
    }
}
