using Microsoft.Extensions.Configuration;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Live;
using Enki.Infrastructure.Mobilisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enki.Infrastructure.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The stream's reader and its one dispatcher; each feature adds its handlers as <see cref="IEventHandler"/>.</summary>
    public static IServiceCollection AddEnkiEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>().Bind(configuration.GetSection(EventsOptions.Section));
        services.AddSingleton<EventStreamReader>();
        // The screens' feeds, for a host that has no page of a feature (a worker, a test harness).
        services.TryAddSingleton<IIncidentChangeFeed, InProcessIncidentChangeFeed>();
        services.TryAddSingleton<ILogbookFeed, InProcessLogbookFeed>();
        services.TryAddSingleton<IMobilisationFeed, InProcessMobilisationFeed>();
        services.AddSingleton<IEventHandler, ScreensEventHandler>();
        services.AddSingleton<EventDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EventDispatcher>());
        return services;
    }
}
