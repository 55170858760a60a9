using Enki.Infrastructure.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enki.Infrastructure.Warnings;

public static class WarningsServiceCollectionExtensions
{
    /// <summary>Warnings' adapters: the in-app channel, the outbox relay, the live feed and its stream handler, the queries.</summary>
    public static IServiceCollection AddEnkiWarnings(this IServiceCollection services)
    {
        services.TryAddSingleton<IWarningFeed, InProcessWarningFeed>();
        services.AddSingleton<IWarningChannel, InAppWarningChannel>();
        services.TryAddSingleton<WarningDeliveryRelay>();
        services.AddSingleton<IEventHandler, WarningScreensHandler>();
        services.TryAddSingleton<WarningQueries>();
        return services;
    }
}
