using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Application.Warnings;

public static class WarningSchedule
{
    /// <summary>Schedules the minute pass over escalations and unsent deliveries (call once at start-up, after the job storage exists).</summary>
    public static IServiceProvider StartEnkiWarnings(this IServiceProvider services)
    {
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<WarningEscalationJob>(WarningEscalationJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return services;
    }
}
