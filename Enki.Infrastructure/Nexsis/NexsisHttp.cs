using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Enki.Infrastructure.Nexsis;

public static class NexsisHttp
{
    public const string ClientName = "nexsis";

    /// <summary>Every call to NexSIS goes through one resilient client: retries with jitter, circuit breaker, timeouts.</summary>
    public static IServiceCollection AddNexsisHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Enki/1.0"))
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.MaxRetryAttempts = 3;
                o.Retry.UseJitter = true;
                o.Retry.Delay = TimeSpan.FromMilliseconds(200);
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(20);
            });
        return services;
    }
}
