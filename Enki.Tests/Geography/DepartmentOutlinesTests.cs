using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Enki.Infrastructure.Geography;
using Enki.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Enki.Tests.Geography;

public sealed class DepartmentOutlinesTests
{
    [Fact]
    public void Outlines_hold_the_101_departments_with_code_and_name()
    {
        using var json = JsonDocument.Parse(DepartmentOutlines.Load().GeoJson);

        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(101, features.Count);
        var names = features.ToDictionary(
            f => f.GetProperty("properties").GetProperty("code").GetString()!,
            f => f.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("Seine-et-Marne", names["77"]);
        Assert.Equal("Mayotte", names["976"]);
        Assert.Contains("2B", names.Keys);
    }

    [Fact]
    public async Task Endpoint_serves_cacheable_geojson_and_honours_the_etag()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddEnkiGeography();
        await using var app = builder.Build();
        app.MapGeographyEndpoints();
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(GeographyEndpoints.DepartmentOutlinesPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl?.MaxAge);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal(DepartmentOutlines.Load().GeoJson.Length, (await response.Content.ReadAsByteArrayAsync()).Length);

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, GeographyEndpoints.DepartmentOutlinesPath);
        revalidation.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var notModified = await client.SendAsync(revalidation);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // A browser accepting gzip gets the stored compressed bytes, which decompress to the same GeoJSON.
        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, GeographyEndpoints.DepartmentOutlinesPath);
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        using var gzipped = await client.SendAsync(gzipRequest);
        Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
        var compressed = await gzipped.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < DepartmentOutlines.Load().GeoJson.Length / 3);
        using var inflated = new MemoryStream();
        using (var gzipStream = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress))
        {
            gzipStream.CopyTo(inflated);
        }
        Assert.Equal(DepartmentOutlines.Load().GeoJson.ToArray(), inflated.ToArray());
    }
}
