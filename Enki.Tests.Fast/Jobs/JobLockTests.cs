using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Jobs;
using Enki.Tests.Support;
using Npgsql;

namespace Enki.Tests.Jobs;

/// <summary>On PostgreSQL a job's lock is held by its node's connection: taken once at a time, freed when that connection dies.</summary>
public sealed class JobLockTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(500);

    [SkippableFact]
    public async Task A_second_run_waits_and_gets_the_lock_once_the_first_holders_connection_is_gone()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var jobLock = new JobLock(new EnkiOptions { Database = { Provider = DatabaseProvider.PostgreSql, ConnectionString = database } });

        var held = await jobLock.AcquireAsync("essai", Short, CancellationToken.None);
        // Bounded on purpose: the lock must not be granted while it is held.
        await Assert.ThrowsAsync<TimeoutException>(() => jobLock.AcquireAsync("essai", Short, CancellationToken.None));
        await using (var other = await jobLock.AcquireAsync("autre", Short, CancellationToken.None)) { } // another job's lock is free

        // A node killed mid-run: the server ends its connection, not the node.
        await using (var admin = new NpgsqlConnection(database))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()", admin);
            Assert.Equal(true, await kill.ExecuteScalarAsync());
        }
        await using var taken = await jobLock.AcquireAsync("essai", TimeSpan.FromSeconds(10), CancellationToken.None);
        await held.DisposeAsync(); // the first run ends late: nothing left to release, and no error
    }
}
