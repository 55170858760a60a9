using Enki.Gateway;

namespace Enki.Tests.Support;

/// <summary>
/// Two Enki nodes behind Enki.Gateway over one throwaway PostgreSQL database and one Redis, started
/// together as a cluster is (they take turns to migrate and seed: StartupLock).
/// </summary>
internal sealed class GatewayCluster : IAsyncDisposable
{
    private GatewayCluster(string database, EnkiProcess[] nodes, EnkiProcess gateway) => (Database, Nodes, Gateway) = (database, nodes, gateway);

    public string Database { get; }

    public EnkiProcess[] Nodes { get; }

    public EnkiProcess Gateway { get; }

    public static async Task<GatewayCluster> StartAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var redis = await RedisServer.ConfigurationAsync();
        EnkiProcess[] nodes = [new(ClusterNodes.BehindGateway(database, redis)), new(ClusterNodes.BehindGateway(database, redis))];
        var gateway = GatewayProcess.For(nodes);
        var cluster = new GatewayCluster(database, nodes, gateway);
        try
        {
            await Task.WhenAll(nodes.Select(n => n.StartAsync(TimeSpan.FromSeconds(90))));
            await gateway.StartAsync(TimeSpan.FromSeconds(30));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The node the gateway names so (<c>node-1</c>, <c>node-2</c>).</summary>
    public EnkiProcess Node(string name) => Nodes[name == GatewayOptions.NodeName(0) ? 0 : 1];

    /// <summary>The gateway's name of the other node.</summary>
    public string OtherThan(string name) => GatewayOptions.NodeName(name == GatewayOptions.NodeName(0) ? 1 : 0);

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var node in Nodes) await node.DisposeAsync();
    }
}
