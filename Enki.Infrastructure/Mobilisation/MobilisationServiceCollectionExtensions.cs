using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Logbook;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Events;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Mobilisation;

public static class MobilisationServiceCollectionExtensions
{
    /// <summary>Mobilisation requests: commands, queries, live feed, mail and the deadline job.</summary>
    public static IServiceCollection AddEnkiMobilisation(this IServiceCollection services)
    {
        services.TryAddSingleton<IMobilisationFeed, InProcessMobilisationFeed>();
        services.AddSingleton<MobilisationMail>();
        services.AddEnkiAuditRecorder();
        services.TryAddSingleton<LogbookWriter>();
        services.AddSingleton<MobilisationTrail>();
        services.AddSingleton<IEventHandler, MobilisationMailHandler>();
        services.AddSingleton<MobilisationCommands>();
        services.AddSingleton<MobilisationQueries>();
        services.AddTransient<OverdueMobilisationJob>();
        return services;
    }

    /// <summary>Schedules the deadline watch (call once at start-up, after the job storage exists).</summary>
    public static IServiceProvider StartEnkiMobilisation(this IServiceProvider services)
    {
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<OverdueMobilisationJob>(OverdueMobilisationJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return services;
    }
}
