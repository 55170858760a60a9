using Enki.Infrastructure.Hosting;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Application.Vigilance;

public static class VigilanceSchedule
{
    /// <summary>Schedules the vigilance read (call once at start-up, after the job storage exists); nothing when no source has an address.</summary>
    public static IServiceProvider StartEnkiVigilance(this IServiceProvider services)
    {
        var options = services.GetRequiredService<EnkiOptions>().Vigilance;
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        if (string.IsNullOrWhiteSpace(options.MeteoFrance.Url) && string.IsNullOrWhiteSpace(options.Vigicrues.Url))
        {
            recurring.RemoveIfExists(VigilanceJob.RecurringId);
            return services;
        }
        recurring.AddOrUpdate<VigilanceJob>(VigilanceJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron(options.Interval));
        // A first read soon after start (once the server listens), not at the next quarter of an hour.
        services.GetRequiredService<IBackgroundJobClient>().Schedule<VigilanceJob>(job => job.RunAsync(CancellationToken.None), TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>« every N minutes » as a cron expression, N from 1 to 60.</summary>
    public static string Cron(TimeSpan interval)
    {
        var minutes = Math.Clamp((int)Math.Round(interval.TotalMinutes), 1, 60);
        return minutes == 60 ? Hangfire.Cron.Hourly() : minutes == 1 ? Hangfire.Cron.Minutely() : $"*/{minutes} * * * *";
    }
}
