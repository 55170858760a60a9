using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// Many rows of one entity through a single prepared, parameterised INSERT on the context's own connection, inside
/// its current transaction, without change tracking (EF spent seconds on a snapshot's ten thousand rows). Table,
/// columns, parameter types and value conversions (enums stored by name, SQLite's instants as ticks) come from the
/// EF model, so the statement follows the mapping on SQLite, PostgreSQL and SQL Server alike. Every mapped property
/// is written: for entities whose columns have no store-generated values.
/// </summary>
internal sealed class BulkInsert<T> : IAsyncDisposable where T : class
{
    private readonly DbContext _db;
    private readonly DbCommand _command;
    private readonly Column[] _columns;

    private sealed record Column(IClrPropertyGetter Getter, RelationalTypeMapping Mapping, DbParameter Parameter);

    private BulkInsert(DbContext db, DbCommand command, Column[] columns)
    {
        _db = db;
        _command = command;
        _columns = columns;
    }

    /// <summary>Prepares the statement within the context's current transaction (one must be open).</summary>
    public static async Task<BulkInsert<T>> PrepareAsync(DbContext db, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert writes within a transaction: begin one on the context first.");
        var command = db.Database.GetDbConnection().CreateCommand();
        var properties = entity.GetProperties().ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never) is { } generated)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{generated.Name} is not a plain column: BulkInsert writes every column from the row.");
        }
        var columns = properties.Select((property, i) =>
        {
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName($"p{i}"), null, property.IsNullable);
            command.Parameters.Add(parameter);
            return new Column(property.GetGetter(), mapping, parameter);
        }).ToArray();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")))})";
        command.Transaction = transaction;
        await command.PrepareAsync(cancellationToken);
        return new BulkInsert<T>(db, command, columns);
    }

    /// <summary>Inserts the rows within the context's current transaction (one must be open).</summary>
    public async Task WriteAsync(IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        _command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert writes within a transaction: begin one on the context first.");
        foreach (var row in rows)
        {
            foreach (var column in _columns)
            {
                var value = column.Getter.GetClrValueUsingContainingEntity(row);
                if (column.Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                column.Parameter.Value = value ?? DBNull.Value;
            }
            await _command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
