using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Enki.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run, started from Debian's binaries in a temporary
/// folder (as the <c>postgres</c> user when the tests run as root: PostgreSQL refuses root), on a
/// free loopback port, stopped and deleted when the test process exits (or by the next run, when that exit was cut short). Each test gets a database of its own.
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

        var asRoot = Environment.UserName == "root";
        await SweepAbandonedAsync(bin, asRoot);
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (asRoot) await RunAsync("chown", ["-R", "postgres:postgres", folder]);
        var data = Path.Combine(folder, "data");
        var port = LoopbackPort.Free();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "enki", "--auth=trust", "-E", "UTF8", "--no-locale"], asRoot);
        // Durability is not what these tests measure: no fsync keeps the cluster fast on a busy machine.
        var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                       "-c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", settings, "-w", "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAsync(bin, folder, asRoot).GetAwaiter().GetResult();
        return new Cluster($"Host=127.0.0.1;Port={port};Username=enki;Database=postgres;Include Error Detail=true", null);
    }

    private const string FolderPrefix = "enki-pg-";

    private const string OwnerFile = "owner.pid";

    /// <summary>
    /// Stops and deletes the clusters of test runs that are gone: a run killed, or whose exit was cut short, leaves its cluster in the
    /// temporary folder (over a gigabyte after a full run). Each cluster names the process that owns it; one being created has no name yet.
    /// </summary>
    private static async Task SweepAbandonedAsync(string bin, bool asRoot)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            var abandoned = File.Exists(owner)
                ? !int.TryParse(await File.ReadAllTextAsync(owner), CultureInfo.InvariantCulture, out var pid) || !IsRunning(pid)
                : Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1);
            if (!abandoned)
            {
                continue;
            }
            try
            {
                await RemoveAsync(bin, folder, asRoot);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another user's leftover, or one still held: tidying up must not stop this run.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Stops a cluster if it runs, then deletes its folder; the server may still be removing its own files for a moment.</summary>
    private static async Task RemoveAsync(string bin, string folder, bool asRoot)
    {
        var data = Path.Combine(folder, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot);
            }
            catch (InvalidOperationException)
            {
                // Not running any more (a stale pid file): deleting is enough.
            }
        }
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(200);
            }
        }
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
