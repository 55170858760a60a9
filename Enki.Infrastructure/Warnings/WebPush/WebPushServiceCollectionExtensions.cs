using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enki.Infrastructure.Warnings.WebPush;

public static class WebPushServiceCollectionExtensions
{
    /// <summary>The Web Push channel, its VAPID keys and its named resilient client (retries with jitter, circuit breaker, timeouts).</summary>
    public static IServiceCollection AddEnkiWebPush(this IServiceCollection services)
    {
        services.TryAddSingleton<VapidKeyStore>();
        services.AddSingleton<IWarningChannel, WebPushWarningChannel>();
        services.AddWarningHttpClient(WebPushWarningChannel.ClientName);
        return services;
    }
}
