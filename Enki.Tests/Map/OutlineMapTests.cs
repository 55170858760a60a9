using Bunit;
using Enki.Web.Components.Map;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Enki.Tests.Map;

public sealed class OutlineMapTests : IAsyncLifetime
{
    private const string TileUrl = "https://tuiles.interne.example/{z}/{x}/{y}.png";

    private readonly BunitContext _ctx = new();
    private BunitJSModuleInterop _module = default!;
    private BunitJSModuleInterop _handle = default!;

    public Task InitializeAsync()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _module = _ctx.JSInterop.SetupModule("./js/map.js");
        _handle = _module.SetupModule("createMap", _ => true);
        _handle.Setup<int>("showOutlines", _ => true).SetResult(96);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private void UseConfiguration(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        _ctx.Services.AddEnkiMap(configuration);
    }

    private static MapJsOptions CreateMapOptions(JSRuntimeInvocation invocation) =>
        Assert.IsType<MapJsOptions>(invocation.Arguments[1]);

    [Fact]
    public void Creates_the_map_on_the_container_and_loads_the_default_outlines_offline()
    {
        UseConfiguration();

        var cut = _ctx.Render<OutlineMap>();

        var container = cut.Find("[data-testid=enki-map]");
        Assert.Contains("height: 70vh", container.GetAttribute("style"));

        var create = _module.VerifyInvoke("createMap");
        create.Arguments[0].ShouldBeElementReferenceTo(container);
        var options = CreateMapOptions(create);
        Assert.Null(options.TileUrl);
        Assert.Null(options.TileAttribution);

        var show = _handle.VerifyInvoke("showOutlines");
        Assert.Equal("api/v1/geography/departments.geojson", show.Arguments[0]);
        Assert.Empty(_handle.Invocations["setTileLayer"]);
    }

    [Fact]
    public void Offline_options_serialize_without_a_tile_url()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(
            new MapJsOptions(null, null), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

        Assert.Equal("{}", json);
    }

    [Fact]
    public void Passes_the_configured_tile_layer_from_Enki_Map_settings()
    {
        UseConfiguration(("Enki:Map:TileUrl", TileUrl), ("Enki:Map:TileAttribution", "© IGN"));

        _ctx.Render<OutlineMap>();

        var options = CreateMapOptions(_module.VerifyInvoke("createMap"));
        Assert.Equal(TileUrl, options.TileUrl);
        Assert.Equal("© IGN", options.TileAttribution);
    }

    [Fact]
    public void Parameters_override_configuration_and_blank_values_stay_offline()
    {
        UseConfiguration(("Enki:Map:TileUrl", "   "));

        _ctx.Render<OutlineMap>(p => p
            .Add(m => m.OutlinesUrl, "carte/test.geojson")
            .Add(m => m.Height, "400px")
            .Add(m => m.TileAttribution, "ignored without tiles"));

        var options = CreateMapOptions(_module.VerifyInvoke("createMap"));
        Assert.Null(options.TileUrl);
        Assert.Null(options.TileAttribution);
        Assert.Equal("carte/test.geojson", _handle.VerifyInvoke("showOutlines").Arguments[0]);
    }

    [Fact]
    public void Changing_parameters_updates_the_existing_map_instead_of_recreating_it()
    {
        UseConfiguration();
        var cut = _ctx.Render<OutlineMap>();

        cut.Render(p => p.Add(m => m.TileUrl, TileUrl).Add(m => m.TileAttribution, "© OSM"));
        cut.Render(p => p.Add(m => m.OutlinesUrl, "autre.geojson"));

        _module.VerifyInvoke("createMap", calledTimes: 1);
        var setTiles = _handle.VerifyInvoke("setTileLayer");
        Assert.Equal(new object?[] { TileUrl, "© OSM" }, setTiles.Arguments);
        var shows = _handle.VerifyInvoke("showOutlines", calledTimes: 2);
        Assert.Equal("autre.geojson", shows[1].Arguments[0]);
    }

    [Fact]
    public async Task Disposing_the_component_disposes_the_js_map()
    {
        UseConfiguration();
        var cut = _ctx.Render<OutlineMap>();
        _handle.VerifyNotInvoke("dispose");

        await cut.Instance.DisposeAsync();

        _handle.VerifyInvoke("dispose");
    }

    [Fact]
    public async Task Disposal_tolerates_a_disconnected_circuit()
    {
        UseConfiguration();
        _handle.SetupVoid("dispose").SetException(new JSDisconnectedException("circuit closed"));
        var cut = _ctx.Render<OutlineMap>();

        var error = await Record.ExceptionAsync(async () => await cut.Instance.DisposeAsync());

        Assert.Null(error);
        _handle.VerifyInvoke("dispose");
    }

    [Fact]
    public void Shows_a_french_message_when_the_outlines_cannot_be_loaded()
    {
        UseConfiguration();
        _handle.Setup<int>("showOutlines", _ => true).SetException(new JSException("HTTP 404"));

        var cut = _ctx.Render<OutlineMap>();

        cut.WaitForAssertion(() =>
            Assert.Contains("Impossible de charger les contours", cut.Find("[data-testid=enki-map-error]").TextContent));
    }
}
