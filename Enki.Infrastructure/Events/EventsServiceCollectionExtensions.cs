using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>The stream's reader and its one dispatcher; each feature adds its handlers as <see cref="IEventHandler"/>.</summary>
    public static IServiceCollection AddEnkiEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>().Bind(configuration.GetSection(EventsOptions.Section));
        services.AddSingleton<EventStreamReader>();
        services.AddSingleton<IEventHandler, Live.ScreensEventHandler>();
        services.AddSingleton<EventDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EventDispatcher>());
        return services;
    }
}
