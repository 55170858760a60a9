using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enki.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire follows the database switch: in-process memory storage in the embedded default
    /// (the inbox, not the job queue, is what must survive a restart), the server database's own storage
    /// with SQL Server or PostgreSQL.
    /// </summary>
    public static IServiceCollection AddEnkiJobs(this IServiceCollection services, EnkiOptions options)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (options.Database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(options.Database.ServerConnectionString(), new SqlServerStorageOptions
                    {
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = TimeSpan.Zero,
                    });
                    break;
                case DatabaseProvider.PostgreSql:
                    // Shared storage: every node's server takes jobs from it, so a recurring job runs once per period.
                    config.UsePostgreSqlStorage(
                        storage => storage.UseNpgsqlConnection(options.Database.ServerConnectionString()),
                        new PostgreSqlStorageOptions
                        {
                            PrepareSchemaIfNecessary = true,
                            // LISTEN/NOTIFY: a job enqueued on any node (the intake after a NexSIS push) starts at once.
                            EnableLongPolling = true,
                            QueuePollInterval = TimeSpan.FromSeconds(1),
                            SchemaName = "hangfire",
                        });
                    break;
                default:
                    config.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) });
                    break;
            }
        });
        services.TryAddSingleton<NodeJobQueue>();
        services.AddHangfireServer((provider, server) =>
        {
            server.ServerName = $"enki-{Environment.MachineName}";
            server.WorkerCount = Math.Max(2, Environment.ProcessorCount * 2);
            server.Queues = [provider.GetRequiredService<NodeJobQueue>().Name, EnqueuedState.DefaultQueue];
            // Delayed jobs (a warning's escalation when it falls due) start within 5 s of their time, not Hangfire's 15.
            server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        services.AddSingleton<JobLock>();
        services.AddTransient<NodeQueueSweepJob>();
        services.AddTransient<SqliteStatisticsJob>();
        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }

    /// <summary>Schedules the sweep of stopped nodes' queues and SQLite's statistics (call once at start-up, after the job storage exists).</summary>
    public static IServiceProvider StartEnkiJobs(this IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<NodeQueueSweepJob>(NodeQueueSweepJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<SqliteStatisticsJob>(SqliteStatisticsJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
        return services;
    }
}
