using Enki.Domain.Incidents;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Live;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Jobs;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Infrastructure.Nexsis.Feed;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Nexsis.Intake;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Nexsis;

public static class NexsisServiceCollectionExtensions
{
    /// <summary>The NexSIS connector: inbox, intake, feed, acknowledgements and the live change feed.</summary>
    public static IServiceCollection AddEnkiNexsis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NexsisOptions>().Bind(configuration.GetSection(NexsisOptions.Section))
            .Validate(o => o.BatchSize is > 0 and <= 5000, "Enki:Nexsis:BatchSize doit être entre 1 et 5000.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Enki:Nexsis:PollInterval doit être positif.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SenderId), "Enki:Nexsis:SenderId ne peut pas être vide.")
            .ValidateOnStart();
        services.AddNexsisHttpClient();
        services.AddSingleton<NexsisMessageReader>();
        services.AddSingleton<IncidentLocator>();
        services.TryAddSingleton<IIncidentChangeFeed, InProcessIncidentChangeFeed>();
        services.AddSingleton<ParsedPayloads>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<Quarantine>();
        services.AddEnkiAuditRecorder();
        services.TryAddSingleton<NodeJobQueue>();
        services.AddSingleton<IntakeTrigger>();
        services.AddSingleton<NexsisAddresses>();
        services.AddSingleton<NexsisFeedClient>();
        services.AddSingleton<FeedPuller>();
        services.AddSingleton<NexsisSyncStatus>();
        services.AddTransient<IntakeJob>();
        services.AddTransient<FeedPullJob>();
        services.AddSingleton<AcknowledgementEnvelope>();
        services.AddSingleton<IEventHandler, AcknowledgementHandler>();
        return services;
    }

    /// <summary>
    /// Schedules the connector's recurring jobs and drains what a previous run left pending (a process
    /// stopped mid-batch resumes here; what it owed is the event stream's to deliver).
    /// </summary>
    public static IServiceProvider StartEnkiNexsis(this IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<IntakeJob>(IntakeJob.RecurringId, job => job.RunAsync(null, CancellationToken.None), Cron.Minutely());
        var options = services.GetRequiredService<IOptions<NexsisOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.FeedUrl))
        {
            recurring.RemoveIfExists(FeedPullJob.RecurringId);
        }
        else
        {
            recurring.AddOrUpdate<FeedPullJob>(FeedPullJob.RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<FeedPullJob>(job => job.RunAsync(CancellationToken.None));
        }
        // The job of acknowledgements before the event stream: its deliveries are the stream's handler's now.
        recurring.RemoveIfExists("nexsis-acquittements");
        services.GetRequiredService<IntakeTrigger>().Request();
        return services;
    }
}
