namespace Enki.Gateway;

/// <summary>Settings under <c>Gateway</c> (environment <c>Gateway__Nodes__0=http://enki-1:8080</c>); defaults in code, no appsettings.json.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Base addresses of the Enki nodes (<c>http://enki-1:8080</c>); named <c>node-1</c>, <c>node-2</c>… in that order.</summary>
    public List<string> Nodes { get; set; } = [];

    /// <summary>How often each node's <c>/health</c> is asked. Short: a dead node's browsers wait for it to be noticed.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a node may take to answer <c>/health</c> before the check counts as failed.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The node name a destination gets in YARP, in headers and in <c>/gateway/health</c>.</summary>
    public static string NodeName(int index) => $"node-{index + 1}";

    /// <summary>The settings read from configuration; a missing or unreadable node address stops the start with its name.</summary>
    public static GatewayOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<GatewayOptions>() ?? new GatewayOptions();
        if (options.Nodes.Count == 0)
        {
            throw new InvalidOperationException("Gateway:Nodes : aucun nœud Enki (ex. Gateway__Nodes__0=http://enki-1:8080).");
        }
        foreach (var node in options.Nodes)
        {
            if (!Uri.TryCreate(node, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"Gateway:Nodes : « {node} » n'est pas une adresse http(s) absolue.");
            }
        }
        if (options.HealthCheckInterval <= TimeSpan.Zero || options.HealthCheckTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Gateway:HealthCheckInterval et Gateway:HealthCheckTimeout doivent être positifs.");
        }
        return options;
    }
}
