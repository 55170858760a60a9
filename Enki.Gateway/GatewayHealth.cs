using System.Text.Json;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Enki.Gateway;

/// <summary>
/// <c>/gateway/health</c>, the gateway's own (every other path goes to a node, <c>/health</c> included):
/// 200 while at least one node is taking requests, 503 when none is; each node with what the checks say.
/// </summary>
public static class GatewayHealth
{
    public const string Path = "/gateway/health";

    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (IProxyStateLookup proxy, HttpContext http) =>
        {
            var cluster = proxy.TryGetCluster(NodesCluster.ClusterId, out var found) ? found : null;
            var available = cluster?.DestinationsState?.AvailableDestinations ?? [];
            var nodes = cluster?.Destinations.Values
                .OrderBy(d => d.DestinationId, StringComparer.Ordinal)
                .Select(d => new
                {
                    name = d.DestinationId,
                    active = d.Health.Active.ToString(),
                    passive = d.Health.Passive.ToString(),
                    available = available.Contains(d),
                })
                .ToList() ?? [];
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { status = available.Count > 0 ? "Healthy" : "Unhealthy", nodes },
                JsonSerializerOptions.Web, statusCode: available.Count > 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
