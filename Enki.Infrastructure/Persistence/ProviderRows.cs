using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// Reads a query's rows straight from the provider's reader, columns in the order of its projection: EF translates the query
/// (jurisdiction filter included) but does not materialise the rows, which costs about 1.5 µs each. Only for the few reads that
/// stream hundreds of thousands of narrow rows (a national year of points or durations).
/// </summary>
internal static class ProviderRows
{
    public static async IAsyncEnumerable<DbDataReader> ReadAsync<T>(
        this IQueryable<T> query, DbContext db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return reader;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// How a provider's column holds an entity's instant: as itself (PostgreSQL, SQL Server), or as the number the model's converter
    /// writes (SQLite's ticks with the offset).
    /// </summary>
    public static Func<DbDataReader, int, DateTimeOffset> InstantReader<TEntity>(DbContext db, string property)
    {
        var converter = db.Model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetTypeMapping().Converter;
        return (converter?.ProviderClrType ?? typeof(DateTimeOffset)) switch
        {
            var stored when stored == typeof(DateTimeOffset) => (reader, ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal),
            var stored when stored == typeof(long) => (reader, ordinal) => (DateTimeOffset)converter!.ConvertFromProvider(reader.GetInt64(ordinal))!,
            var stored => throw new NotSupportedException($"{typeof(TEntity).Name}.{property} is stored as {stored.Name}."),
        };
    }
}
