using Enki.Tests.Support;

namespace Enki.Tests.Hosting;

/// <summary>
/// Two Enki nodes as two processes over one PostgreSQL database and one Redis, shared by the tests of
/// a class (each brings its own data). Node B polls the stream only every 30 s: what reaches it in
/// time came through Redis.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private EnkiProcess? _a;
    private EnkiProcess? _b;

    public EnkiProcess A => _a ?? throw new InvalidOperationException("The nodes did not start.");

    public EnkiProcess B => _b ?? throw new InvalidOperationException("The nodes did not start.");

    /// <summary>The nodes' PostgreSQL database (Npgsql connection string).</summary>
    public string Database { get; private set; } = "";

    /// <summary>Why the nodes could not start here (no PostgreSQL or Redis on this machine); null when they run.</summary>
    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        try
        {
            Database = await PostgresServer.CreateDatabaseAsync();
            var redis = await RedisServer.ConfigurationAsync();
            _a = new EnkiProcess(ClusterNodes.Settings(Database, redis));
            _b = new EnkiProcess(ClusterNodes.Settings(Database, redis));
            // Started together, as a cluster is: they take turns to migrate and seed (StartupLock).
            await Task.WhenAll(_a.StartAsync(TimeSpan.FromSeconds(90)), _b.StartAsync(TimeSpan.FromSeconds(90)));
            // Each node hears the other's commits before a test relies on it.
            await Task.WhenAll(HearsTheOthersAsync(_a), HearsTheOthersAsync(_b));
        }
        catch (SkipException skip)
        {
            // Reported by each test of the class, not as a fixture failure.
            Unavailable = skip.Message;
        }
    }

    private static async Task HearsTheOthersAsync(EnkiProcess node)
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        await node.WaitUntilAsync(async () => (await client.GetStringAsync("/health")).Contains("\"news\":{\"status\":\"Healthy\""),
            TimeSpan.FromSeconds(30), "the node connected to Redis");
    }

    /// <summary>Skips the calling test when the nodes could not run here (never under CI: the servers' helpers throw there).</summary>
    public void Require() => Skip.If(Unavailable is not null, Unavailable);

    public async Task DisposeAsync()
    {
        if (_b is not null) await _b.DisposeAsync();
        if (_a is not null) await _a.DisposeAsync();
    }
}
