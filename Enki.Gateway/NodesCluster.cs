using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.SessionAffinity;

namespace Enki.Gateway;

/// <summary>
/// The one route and the one cluster of the gateway: every request goes to one of the Enki nodes, a
/// browser always to the same one while it is healthy (a Blazor circuit lives in one node's memory).
/// </summary>
public static class NodesCluster
{
    public const string ClusterId = "enki";

    /// <summary>The affinity cookie: which node a browser is kept on.</summary>
    public const string AffinityCookie = "Enki.Node";

    public static RouteConfig Route { get; } = new()
    {
        RouteId = "enki",
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = "{**catch-all}" },
        // The browser's Host, not the node's: the addresses a node writes (redirects after sign-in, links)
        // must lead back through the gateway. X-Forwarded-Host is sent too, the nodes do not read it.
        Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
    };

    public static ClusterConfig From(GatewayOptions options) => new()
    {
        ClusterId = ClusterId,
        Destinations = options.Nodes
            .Select((address, index) => (Name: GatewayOptions.NodeName(index), Address: address))
            .ToDictionary(n => n.Name, n => new DestinationConfig { Address = n.Address }),
        // A new browser (and every push from NexSIS, which keeps no cookie) goes to the next node in turn.
        LoadBalancingPolicy = "RoundRobin",
        SessionAffinity = new SessionAffinityConfig
        {
            Enabled = true,
            // The cookie holds a hash of the node's name: nothing to decrypt, so no key shared with the nodes.
            Policy = SessionAffinityConstants.Policies.HashCookie,
            // A browser whose node died goes to a healthy one (which rejects the lost circuit: Blazor reloads the page).
            FailurePolicy = SessionAffinityConstants.FailurePolicies.Redistribute,
            AffinityKeyName = AffinityCookie,
            Cookie = new SessionAffinityCookieConfig
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                SecurePolicy = CookieSecurePolicy.SameAsRequest,
                IsEssential = true, // technical, like the sign-in cookie: no consent needed
                Path = "/",
            },
        },
        HealthCheck = new HealthCheckConfig
        {
            // Asks each node's /health (503 when its database is unreachable) at a short interval.
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = options.HealthCheckInterval,
                Timeout = options.HealthCheckTimeout,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = "/health",
            },
            // Requests that cannot reach a node (refused, reset) mark it down between two active checks.
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = options.HealthCheckInterval * 5,
            },
        },
        // One failed /health is enough: a killed node refuses at once, and its browsers are waiting.
        Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
    };
}
