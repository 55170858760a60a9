using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Enki.Infrastructure.Geography;
using Enki.Tests.Support;
using Enki.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace Enki.Tests.Map;

public sealed class CommuneOutlinesEndpointTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddEnkiGeography();
        _app = builder.Build();
        _app.MapGeographyEndpoints();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Serves_the_communes_of_a_department_as_a_feature_collection_with_rounded_coordinates()
    {
        using var response = await _client.GetAsync("/api/v1/geography/communes/77.geojson");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.InRange(features.Count, 480, 530);
        var chelles = features.Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "77108");
        Assert.Equal("Chelles", chelles.GetProperty("properties").GetProperty("name").GetString());
        var geometry = chelles.GetProperty("geometry");
        Assert.Contains(geometry.GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        var ring = geometry.GetProperty("type").GetString() == "Polygon"
            ? geometry.GetProperty("coordinates")[0]
            : geometry.GetProperty("coordinates")[0][0];
        Assert.True(ring.GetArrayLength() >= 4);
        Assert.Equal(ring[0].ToString(), ring[ring.GetArrayLength() - 1].ToString()); // closed
        foreach (var point in ring.EnumerateArray())
        {
            var lon = point[0].GetDouble();
            Assert.Equal(Math.Round(lon, 4), lon);
            Assert.InRange(point[1].GetDouble(), 48.8, 48.95);
        }
    }

    [Fact]
    public async Task Every_commune_outline_reads_back_as_a_valid_polygon_without_repeated_points()
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };

        var outlines = await _client.GetFromJsonAsync<FeatureCollection>("/api/v1/geography/communes/77.geojson", options);

        Assert.NotNull(outlines);
        Assert.InRange(outlines.Count, 480, 530);
        Assert.All(outlines, feature =>
        {
            Assert.True(feature.Geometry is Polygon or MultiPolygon, $"{feature.Attributes["code"]} : {feature.Geometry.GeometryType}");
            Assert.True(feature.Geometry.IsValid, $"{feature.Attributes["code"]} n'est pas un polygone valide");
            Assert.False(new RepeatedPointTester().HasRepeatedPoint(feature.Geometry), $"{feature.Attributes["code"]} a des points répétés");
            Assert.Equal(new[] { "code", "name" }, feature.Attributes.GetNames());
        });
    }

    [Fact]
    public async Task Compresses_once_and_answers_gzip_to_browsers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/geography/communes/2A.geojson");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("999")]
    [InlineData("ile-de-france")]
    public async Task An_unknown_department_is_not_found(string code)
    {
        using var response = await _client.GetAsync($"/api/v1/geography/communes/{code}.geojson");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>Through the real app: the geography API, like every page, is for signed-in people only.</summary>
[Collection(WebCollection.Name)]
public sealed class CommuneOutlinesAccessTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Anonymous_callers_get_nothing_signed_in_people_get_the_outlines()
    {
        using var anonymous = _app.CreateBrowserLikeClient();
        using var refused = await anonymous.GetAsync("/api/v1/geography/communes/35.geojson");
        using var mayor = await _app.SignedInAsync("maire-guichen");
        using var served = await mayor.GetAsync("/api/v1/geography/communes/35.geojson");

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
