using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Application.Mobilisation;

public static class MobilisationSchedule
{
    /// <summary>Schedules the deadline watch (call once at start-up, after the job storage exists).</summary>
    public static IServiceProvider StartEnkiMobilisation(this IServiceProvider services)
    {
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<OverdueMobilisationJob>(OverdueMobilisationJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return services;
    }
}
