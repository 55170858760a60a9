using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// One node at a time migrates and seeds a server database: nodes started together (a deployment, a
/// restart of the whole cluster) would otherwise each find the demo accounts and directory missing and
/// create them twice. A session-level lock of the database itself (PostgreSQL advisory lock, SQL
/// Server application lock), held on its own connection until disposed; the next node then finds
/// nothing left to do. SQLite is one node's file: nothing to share, no lock.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Any fixed number shared by every Enki node; « ENKI » in ASCII.
    private const long PostgresKey = 0x454E4B49;
    private const string SqlServerResource = "enki-startup";

    private readonly DbConnection? _connection;
    private readonly string _release;

    private StartupLock(DbConnection? connection, string release) => (_connection, _release) = (connection, release);

    /// <summary>Waits until no other node holds the start-up lock, then holds it.</summary>
    public static async Task<StartupLock> AcquireAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync(cancellationToken);
        (string Take, string Release)? sql = db.Database.ProviderName switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" => ($"SELECT pg_advisory_lock({PostgresKey})", $"SELECT pg_advisory_unlock({PostgresKey})"),
            "Microsoft.EntityFrameworkCore.SqlServer" => (
                $"EXEC sp_getapplock @Resource = '{SqlServerResource}', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1",
                $"EXEC sp_releaseapplock @Resource = '{SqlServerResource}', @LockOwner = 'Session'"),
            _ => null,
        };
        if (sql is null) return new StartupLock(null, "");
        // A connection of its own, outside EF's pool of the context: the lock lives as long as this session.
        var connection = db.Database.GetDbConnection();
        var own = (DbConnection)((ICloneable)connection).Clone();
        await own.OpenAsync(cancellationToken);
        await using var command = own.CreateCommand();
        command.CommandText = sql.Value.Take;
        command.CommandTimeout = 0; // waiting for another node's migrations is the point
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new StartupLock(own, sql.Value.Release);
    }

    /// <summary>
    /// Released explicitly: a pooled connection keeps its session (and a session-level lock) after
    /// Close until it is reset on its next use. A node that dies holding it loses its session, and the lock with it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        await using (var command = _connection.CreateCommand())
        {
            command.CommandText = _release;
            await command.ExecuteNonQueryAsync();
        }
        await _connection.DisposeAsync();
    }
}
