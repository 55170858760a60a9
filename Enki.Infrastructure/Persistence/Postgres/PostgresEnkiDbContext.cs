using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence.Postgres;

/// <summary>
/// The server store French administrations commonly run; its migrations live beside it.
/// </summary>
public sealed class PostgresEnkiDbContext(DbContextOptions<PostgresEnkiDbContext> options) : EnkiDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // timestamptz holds an instant: Npgsql refuses an offset other than zero, and a sender's
        // local time (+01:00) is the same instant in UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // An hour's packed national row is 2–6 kB: over 2 kB PostgreSQL moves it to the TOAST table (compressing it first), and a national
        // year read 8,760 rows through the TOAST index, then uncompressed them. Kept in the row up to a page, a year is one range of the table.
        modelBuilder.Entity<GridNationalHour>().HasStorageParameter("toast_tuple_target", InRowUpToAPage);
        modelBuilder.Entity<CoverageNationalHour>().HasStorageParameter("toast_tuple_target", InRowUpToAPage);
    }

    /// <summary>The largest toast_tuple_target PostgreSQL accepts: a row moves out only when it would not fit in a page.</summary>
    private const int InRowUpToAPage = 8160;
}
