using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace Enki.Infrastructure.Warnings.WebPush;

public static class WebPushServiceCollectionExtensions
{
    /// <summary>The Web Push channel, its VAPID keys and its named resilient client (retries with jitter, circuit breaker, timeouts).</summary>
    public static IServiceCollection AddEnkiWebPush(this IServiceCollection services)
    {
        services.TryAddSingleton<VapidKeyStore>();
        services.AddSingleton<IWarningChannel, WebPushWarningChannel>();
        services.AddHttpClient(WebPushWarningChannel.ClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Enki/1.0"))
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.MaxRetryAttempts = 2;
                o.Retry.UseJitter = true;
                o.Retry.Delay = TimeSpan.FromMilliseconds(500);
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            });
        return services;
    }
}
