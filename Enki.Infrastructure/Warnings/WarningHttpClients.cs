using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Enki.Infrastructure.Warnings;

public static class WarningHttpClients
{
    /// <summary>
    /// A named client to a provider that carries warnings (the SMS gateway, push services), behind the standard resilience
    /// handler: 2 retries with jitter from 0.5 s, 10 s an attempt, 30 s in all, circuit breaker.
    /// </summary>
    public static IHttpClientBuilder AddWarningHttpClient(this IServiceCollection services, string name)
    {
        var builder = services.AddHttpClient(name, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Enki/1.0"));
        builder.AddStandardResilienceHandler(o =>
        {
            o.Retry.MaxRetryAttempts = 2;
            o.Retry.UseJitter = true;
            o.Retry.Delay = TimeSpan.FromMilliseconds(500);
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}
