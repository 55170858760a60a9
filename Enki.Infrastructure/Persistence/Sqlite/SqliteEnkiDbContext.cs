using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Enki.Infrastructure.Persistence.Sqlite;

/// <summary>The embedded default store; its migrations live beside it.</summary>
public sealed class SqliteEnkiDbContext(DbContextOptions<SqliteEnkiDbContext> options) : EnkiDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset text; Enki stores UTC, so ticks order correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
