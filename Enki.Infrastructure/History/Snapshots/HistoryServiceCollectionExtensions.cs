using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.History.Snapshots;

public static class HistoryServiceCollectionExtensions
{
    /// <summary>The past's queries and their snapshots.</summary>
    public static IServiceCollection AddEnkiHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HistoryOptions>().Bind(configuration.GetSection(HistoryOptions.Section))
            .Validate(o => o.SnapshotInterval >= TimeSpan.FromMinutes(5), "Enki:History:SnapshotInterval doit être d'au moins 5 minutes.")
            .ValidateOnStart();
        services.AddSingleton<PastSituationQueries>();
        services.AddSingleton<PastSnapshotTaker>();
        services.AddTransient<PastSnapshotJob>();
        services.AddTransient<Backfill.HistoryBackfillJob>();
        return services;
    }

    /// <summary>Schedules the snapshots every five minutes (each run takes those due and mends those late events touched) and the rebuilding of history from before the stream.</summary>
    public static IServiceProvider StartEnkiHistory(this IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        if (services.GetRequiredService<IOptions<HistoryOptions>>().Value.Snapshots)
        {
            recurring.AddOrUpdate<PastSnapshotJob>(PastSnapshotJob.RecurringId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        }
        else
        {
            recurring.RemoveIfExists(PastSnapshotJob.RecurringId);
        }
        // History from before the stream: enqueued at each start, it stops at once after its first complete run.
        if (services.GetService<Backfill.IHistoryBackfill>() is not null)
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<Backfill.HistoryBackfillJob>(job => job.RunAsync(CancellationToken.None));
        }
        return services;
    }
}
