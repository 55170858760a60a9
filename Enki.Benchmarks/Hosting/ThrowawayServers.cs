using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Enki.Benchmarks.Hosting;

/// <summary>
/// The servers a cluster of Enki nodes shares, started for one load run and stopped with it: a
/// PostgreSQL cluster from Debian's binaries in a temporary folder (as the <c>postgres</c> user when
/// run as root, no fsync: durability is not what is measured) and a <c>redis-server</c> without
/// persistence, each on a free loopback port. Mirrors the tests' throwaway servers without their
/// skip-or-fail rules: a load run without PostgreSQL or Redis just stops with the reason.
/// </summary>
internal sealed class ThrowawayServers : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly Process _redis;

    private readonly bool _kept;

    private ThrowawayServers(string folder, string bin, Process redis, string postgres, string redisConfiguration, bool kept)
    {
        (_folder, _bin, _redis, PostgresAdmin, Redis, _kept) = (folder, bin, redis, postgres, redisConfiguration, kept);
    }

    /// <summary>A connection string to the cluster's <c>postgres</c> database.</summary>
    public string PostgresAdmin { get; }

    /// <summary>The StackExchange.Redis configuration of the Redis server.</summary>
    public string Redis { get; }

    private bool AsRoot => Environment.UserName == "root";

    private string Data => Path.Combine(_folder, "data");

    /// <param name="keep">A folder whose cluster outlives the run: created on the first run, started again on later ones
    /// (a seeded year measured more than once); null: a temporary folder deleted on disposal.</param>
    public static async Task<ThrowawayServers> StartAsync(string? keep = null)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL not found (/usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql");
        if (!File.Exists("/usr/bin/redis-server")) throw new InvalidOperationException("redis-server not found: apt-get install -y redis-server");

        var folder = keep is null ? Directory.CreateTempSubdirectory("enki-load-pg-").FullName : Directory.CreateDirectory(keep).FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["-R", "postgres:postgres", folder]);
        var port = FreePort();
        if (!File.Exists(Path.Combine(folder, "data", "PG_VERSION")))
        {
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(folder, "data"), "-U", "enki", "--auth=trust", "-E", "UTF8", "--no-locale"], asRoot);
        }
        var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-o", settings, "-w", "start"], asRoot);

        var redisPort = FreePort();
        var redis = Process.Start(new ProcessStartInfo("/usr/bin/redis-server", ["--port", redisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        })!;
        redis.OutputDataReceived += (_, _) => { };
        redis.BeginOutputReadLine();
        for (var tries = 0; ; tries++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, redisPort);
                break;
            }
            catch (SocketException) when (tries < 200)
            {
                await Task.Delay(50);
            }
        }
        var servers = new ThrowawayServers(folder, bin, redis, $"Host=127.0.0.1;Port={port};Username=enki;Database=postgres", $"127.0.0.1:{redisPort}", kept: keep is not null);
        // Stopped with this tool even when it is interrupted (SIGTERM, Ctrl+C).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => servers.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return servers;
    }

    /// <summary>A new empty database on the cluster.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(PostgresAdmin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionTo(name);
    }

    /// <summary>Whether the cluster holds that database (a kept cluster's earlier run).</summary>
    public async Task<bool> HasDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresAdmin);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        return (long)(await exists.ExecuteScalarAsync())! > 0;
    }

    /// <summary>A connection string to that database of the cluster.</summary>
    public string ConnectionTo(string name) => new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString;

    /// <summary>A loopback port free now (the OS's pick; a race with another process is possible but rare).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (!_redis.HasExited) _redis.Kill();
        await _redis.WaitForExitAsync();
        _redis.Dispose();
        NpgsqlConnection.ClearAllPools();
        // A kept cluster stops cleanly (no recovery on its next start); a throwaway one just stops.
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", _kept ? "fast" : "immediate", "stop"], AsRoot);
        if (!_kept) Directory.Delete(_folder, recursive: true);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres) foreach (var prefix in (string[])["-u", "postgres", "--", program]) start.ArgumentList.Add(prefix);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}{await output}");
    }
}
