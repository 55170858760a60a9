using Enki.Infrastructure.Events;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Warnings.Channels;
using Enki.Infrastructure.Warnings.WebPush;
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
        services.TryAddSingleton<WarningDeliveryFailures>();
        return services;
    }

    /// <summary>
    /// The channels that leave the app: e-mail through the outbox, SMS through the configured gateway
    /// (<c>Enki:Sms:Url</c>) or, without one, recorded in the outbox; Web Push to subscribed devices.
    /// </summary>
    public static IServiceCollection AddEnkiWarningChannels(this IServiceCollection services, EnkiOptions options)
    {
        services.TryAddSingleton<AcknowledgementLinks>();
        services.AddSingleton<IWarningChannel, EmailWarningChannel>();
        services.AddSingleton<IWarningChannel, SmsWarningChannel>();
        services.AddEnkiWebPush();
        if (string.IsNullOrWhiteSpace(options.Sms.Url))
        {
            services.TryAddSingleton<ISmsSender, OutboxSmsSender>();
            return services;
        }
        services.AddWarningHttpClient(HttpSmsGateway.ClientName);
        services.TryAddSingleton<ISmsSender, HttpSmsGateway>();
        return services;
    }
}
