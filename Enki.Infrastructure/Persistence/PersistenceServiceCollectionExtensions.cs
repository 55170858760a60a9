using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence.Postgres;
using Enki.Infrastructure.Persistence.Sqlite;
using Enki.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enki.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store for the configured provider. Components and jobs use
    /// <see cref="IDbContextFactory{EnkiDbContext}"/> (one short-lived context per unit of work,
    /// as Blazor Server circuits require); a scoped <see cref="EnkiDbContext"/> exists for
    /// framework stores such as Identity.
    /// </summary>
    public static IServiceCollection AddEnkiPersistence(this IServiceCollection services, EnkiOptions options, DataFolder dataFolder)
    {
        var database = options.Database;
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = string.IsNullOrWhiteSpace(database.ConnectionString)
                    ? $"Data Source={dataFolder.File("enki.db")}"
                    : database.ConnectionString;
                services.AddDbContextFactory<SqliteEnkiDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(SqliteLockWait.Instance));
                services.AddSingleton<IDbContextFactory<EnkiDbContext>, ProviderDbContextFactory<SqliteEnkiDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = database.ServerConnectionString(); // refused at start when missing
                services.AddDbContextFactory<SqlServerEnkiDbContext>(o => o.UseSqlServer(sqlServer, sql => sql.EnableRetryOnFailure()));
                services.AddSingleton<IDbContextFactory<EnkiDbContext>, ProviderDbContextFactory<SqlServerEnkiDbContext>>();
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = database.ServerConnectionString();
                services.AddDbContextFactory<PostgresEnkiDbContext>(o => o.UseNpgsql(postgres, pg => pg.EnableRetryOnFailure()));
                services.AddSingleton<IDbContextFactory<EnkiDbContext>, ProviderDbContextFactory<PostgresEnkiDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{database.Provider}'.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Events.ICommitBell, Events.InProcessCommitBell>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContext());
        return services;
    }
}
