using System.Net;
using Enki.Tests.Support;
using Enki.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Enki.Tests.Hosting;

/// <summary>The OpenAPI document partners read: valid OpenAPI 3, anonymous, and complete for <c>/api</c>.</summary>
[Collection(WebCollection.Name)]
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task The_document_is_valid_openapi_3_and_lists_every_api_endpoint_with_its_methods()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(ApiDocument.Path); // anonymous: no cookie, no key
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        var read = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        using (var raw = System.Text.Json.JsonDocument.Parse(json))
        {
            Assert.StartsWith("3.", raw.RootElement.GetProperty("openapi").GetString());
        }
        var document = read.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);

        var routes = ApiRoutes().ToList();
        Assert.Contains(("/api/v1/incidents", "GET"), routes); // the enumeration itself finds the API
        var missing = routes.Where(r => document.Paths.TryGetValue(r.Path, out var item) is false
                                        || item.Operations?.Keys.Any(m => m.Method == r.Method) is not true).ToList();
        Assert.Empty(missing);
        Assert.Equal(
            [ApiDocument.NexsisKey, ApiDocument.PartnerKey, ApiDocument.Session],
            document.Components!.SecuritySchemes!.Keys.Order());
    }

    [Fact]
    public async Task Operations_say_how_to_authenticate_and_refuse_with_problem_details()
    {
        using var client = _app.CreateClient();
        var document = OpenApiDocument.Parse(await client.GetStringAsync(ApiDocument.Path), OpenApiConstants.Json).Document!;

        var list = document.Paths["/api/v1/incidents"].Operations![HttpMethod.Get];
        var push = document.Paths["/api/nexsis/messages"].Operations![HttpMethod.Post];

        Assert.Equal([ApiDocument.PartnerKey, ApiDocument.Session], list.Security!.SelectMany(r => r.Keys).Select(k => k.Reference.Id).Order());
        Assert.Equal([ApiDocument.NexsisKey], push.Security!.SelectMany(r => r.Keys).Select(k => k.Reference.Id));
        Assert.Contains("application/problem+json", list.Responses!["400"].Content!.Keys);
        Assert.Equal(["202", "400", "401", "413"], push.Responses!.Keys.Order());
        Assert.Contains("status", list.Parameters!.Select(p => p.Name));
        Assert.DoesNotContain(document.Paths.Keys, path => path.StartsWith("/simulateur", StringComparison.Ordinal));
    }

    /// <summary>Every route the host maps under /api, in OpenAPI's form (<c>{id}</c>, constraints left out), with each method.</summary>
    private IEnumerable<(string Path, string Method)> ApiRoutes() =>
        from endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let path = OpenApiPath(endpoint.RoutePattern)
        where path.StartsWith("/api/", StringComparison.Ordinal)
        from method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]
        select (path, method);

    private static string OpenApiPath(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));
}
