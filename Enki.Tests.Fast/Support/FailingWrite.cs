using System.Data.Common;
using Enki.Infrastructure.Persistence.Postgres;
using Enki.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Support;

/// <summary>
/// Once armed, the database refuses one kind of write (an insert into a table, an update of it), as a crash
/// between two writes would: a command whose writes are one unit of work must then leave none of them.
/// Added to every context of the app (SQLite or PostgreSQL) with <see cref="AddTo"/>; armed after the host has seeded its data.
/// </summary>
public sealed class FailingWrite : DbCommandInterceptor
{
    private readonly string _statement;
    private volatile bool _armed;
    private int _refused;

    private FailingWrite(string statement) => _statement = statement;

    /// <summary>Refuses <c>INSERT INTO "table"</c>, e.g. <c>InsertInto("AuditEntries")</c>.</summary>
    public static FailingWrite InsertInto(string table) => new($"INSERT INTO \"{table}\"");

    /// <summary>Refuses <c>UPDATE "table"</c>.</summary>
    public static FailingWrite UpdateOf(string table) => new($"UPDATE \"{table}\"");

    /// <summary>How many commands were refused: a test checks the failure did happen where it meant it to.</summary>
    public int Refused => _refused;

    public FailingWrite Arm()
    {
        _armed = true;
        return this;
    }

    public void Disarm() => _armed = false;

    /// <summary>Asserts that <paramref name="command"/> failed because of a <see cref="FailingWrite"/>, not of something else.</summary>
    public static async Task AssertFailsAsync(Func<Task> command) =>
        Assert.IsType<InjectedFailure>((await Assert.ThrowsAnyAsync<Exception>(command)).GetBaseException());

    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteEnkiDbContext>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgresEnkiDbContext>(o => o.AddInterceptors(this));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Check(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Check(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Check(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Check(command, result));

    private T Check<T>(DbCommand command, T result)
    {
        if (_armed && command.CommandText.Contains(_statement, StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _refused);
            throw new InjectedFailure($"Injected failure on: {_statement}");
        }
        return result;
    }
}

/// <summary>The failure <see cref="FailingWrite"/> throws, told apart from a real one.</summary>
public sealed class InjectedFailure(string message) : Exception(message);
