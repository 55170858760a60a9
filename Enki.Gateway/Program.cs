namespace Enki.Gateway;

/// <summary>
/// The gateway in front of the Enki nodes: one address for browsers and NexSIS, cookie affinity for the
/// Blazor circuits, health checks to leave a dead node out. It needs no database and no key of the nodes.
/// A named class, not top-level statements: those make a global <c>Program</c> that would clash with
/// Enki.Web's in the tests, which reference both.
/// </summary>
public static class GatewayProgram
{
    public static void Main(string[] args) => Build(args).Run();

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = GatewayOptions.Read(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddReverseProxy()
            .LoadFromMemory([NodesCluster.Route], [NodesCluster.From(options)])
            .AddTransforms(NodeHeader.Add);

        var app = builder.Build();
        app.MapGatewayHealth();
        // YARP's default pipeline: affinity, load balancing, passive health checks. It sets X-Forwarded-For,
        // -Proto and -Host, which the nodes believe when Enki:Proxy:KnownNetworks holds the gateway's address;
        // WebSocket upgrades (Blazor circuits) are forwarded as they are.
        app.MapReverseProxy();
        return app;
    }
}
