using System.Security.Cryptography;
using System.Text;
using Enki.Infrastructure.Hosting;
using Hangfire;
using Npgsql;

namespace Enki.Infrastructure.Jobs;

/// <summary>
/// One run at a time of a job across the nodes, released by the database the moment its holder's connection
/// goes: on PostgreSQL a session advisory lock, so a node killed mid-run (SIGKILL, OOM) frees it at once.
/// Hangfire's <c>DisableConcurrentExecution</c> keeps its PostgreSQL lock as a row, left by a killed node
/// until its ten-minute timeout, and every NexSIS message pushed to the other nodes waited that long. On
/// SQL Server Hangfire's lock is already a session lock (<c>sp_getapplock</c>); SQLite runs one node.
/// </summary>
public sealed class JobLock(EnkiOptions options)
{
    private static readonly Dictionary<string, SemaphoreSlim> InProcess = [];

    /// <summary>Waits up to <paramref name="timeout"/> for the lock named <paramref name="name"/>; dispose to release it.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        switch (options.Database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                return await AdvisoryLock.AcquireAsync(options.Database.ServerConnectionString(), name, timeout, cancellationToken);
            case DatabaseProvider.SqlServer:
                var storage = JobStorage.Current.GetConnection();
                try
                {
                    var held = storage.AcquireDistributedLock($"enki:{name}", timeout);
                    return new Released(new Releaser(() =>
                    {
                        held.Dispose();
                        storage.Dispose(); // after the lock: it lives on this connection
                    }));
                }
                catch
                {
                    storage.Dispose();
                    throw;
                }
            default:
                SemaphoreSlim gate;
                lock (InProcess)
                {
                    if (!InProcess.TryGetValue(name, out gate!)) InProcess[name] = gate = new SemaphoreSlim(1, 1);
                }
                if (!await gate.WaitAsync(timeout, cancellationToken)) throw new TimeoutException($"Job lock « {name} » not acquired within {timeout}.");
                return new Released(new Releaser(() => gate.Release()));
        }
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public static async Task<IAsyncDisposable> AcquireAsync(string connectionString, string name, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("enki:" + name)));
            // Its own session, not a pooled one: closing it is what releases the lock, whatever happened to it.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                var deadline = DateTime.UtcNow + timeout;
                while (true)
                {
                    await using var attempt = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                    attempt.Parameters.AddWithValue("key", key);
                    if ((bool)(await attempt.ExecuteScalarAsync(cancellationToken))!) return new AdvisoryLock(connection, key);
                    if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job lock « {name} » not acquired within {timeout}.");
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                release.Parameters.AddWithValue("key", key);
                await release.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone, and the lock with it.
            }
            finally
            {
                await connection.DisposeAsync(); // closes the session: the lock cannot outlive it
            }
        }
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    private sealed class Released(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
