using Enki.Infrastructure.Hosting;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire follows the database switch: in-process memory storage in the embedded default
    /// (the inbox, not the job queue, is what must survive a restart), SQL Server storage in production.
    /// </summary>
    public static IServiceCollection AddEnkiJobs(this IServiceCollection services, EnkiOptions options)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (options.Database.Provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(options.Database.ConnectionString, new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.Zero,
                });
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) });
            }
        });
        services.AddHangfireServer(server =>
        {
            server.ServerName = $"enki-{Environment.MachineName}";
            server.WorkerCount = Math.Max(2, Environment.ProcessorCount * 2);
        });
        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }
}
