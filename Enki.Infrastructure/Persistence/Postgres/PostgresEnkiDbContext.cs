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
}
