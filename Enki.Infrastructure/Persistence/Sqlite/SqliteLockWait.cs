using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enki.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Lets SQLite itself wait for the write lock (<c>busy_timeout</c>, retried within milliseconds of
/// its release) instead of answering « busy » at once: Microsoft.Data.Sqlite then retries on its
/// own after sleeping 150 ms, and with the inbox writer, the intake and the outbox writing at once
/// those sleeps were most of the push path's wall time under load. Same 30 s bound as a command.
/// </summary>
public sealed class SqliteLockWait : DbConnectionInterceptor
{
    public static readonly SqliteLockWait Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
