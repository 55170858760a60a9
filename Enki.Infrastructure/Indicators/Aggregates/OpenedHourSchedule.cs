using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Indicators.Aggregates;

public static class OpenedHourSchedule
{
    /// <summary>
    /// Refreshes the marked hours every minute (call once at start-up, after the job storage exists).
    /// Readers never wait for it: a marked hour is read from the incidents.
    /// </summary>
    public static IServiceProvider StartEnkiIndicatorAggregates(this IServiceProvider services)
    {
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<OpenedHourRefreshJob>(OpenedHourRefreshJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return services;
    }
}
