using System.Diagnostics;
using Npgsql;

namespace Enki.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run, started from Debian's binaries in a temporary
/// folder (as the <c>postgres</c> user when the tests run as root: PostgreSQL refuses root), on a
/// free loopback port, stopped when the test process exits. Each test gets a database of its own.
/// <c>ENKI_TEST_POSTGRES</c> (a connection string) uses an existing server instead. Without
/// PostgreSQL the tests skip locally and fail under CI, like the browser tests.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<Cluster>> Started = new(StartAsync);

    public static bool Required => StrictRun.IsOn;

    /// <summary>A new empty database; skips the calling test when PostgreSQL is missing and not required.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var cluster = await Started.Value;
        Skip.If(cluster.UnavailableReason is not null, cluster.UnavailableReason);
        var name = "enki_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name }.ConnectionString;
    }

    private sealed record Cluster(string ConnectionString, string? UnavailableReason);

    private static async Task<Cluster> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("ENKI_TEST_POSTGRES") is { Length: > 0 } existing)
        {
            return new Cluster(existing, null);
        }
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            const string reason = "PostgreSQL introuvable (/usr/lib/postgresql/*/bin/initdb) : installez-le avec « apt-get install -y postgresql ».";
            if (Required) throw new InvalidOperationException(reason);
            return new Cluster("", reason);
        }

        var folder = Directory.CreateTempSubdirectory("enki-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["-R", "postgres:postgres", folder]);
        var data = Path.Combine(folder, "data");
        var port = LoopbackPort.Free();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "enki", "--auth=trust", "-E", "UTF8", "--no-locale"], asRoot);
        // Durability is not what these tests measure: no fsync keeps the cluster fast on a busy machine.
        var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                       "-c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", settings, "-w", "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        };
        return new Cluster($"Host=127.0.0.1;Port={port};Username=enki;Database=postgres;Include Error Detail=true", null);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgres)
        {
            foreach (var prefix in (string[])["-u", "postgres", "--", program]) start.ArgumentList.Add(prefix);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

}
