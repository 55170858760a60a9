using Enki.Infrastructure.Hosting;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Enki.Infrastructure.Events;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Enki:Redis:Configuration</c>, commits ring every node through Redis; without it, the
    /// bell stays in process (one node).
    /// </summary>
    public static IServiceCollection AddEnkiNodeBus(this IServiceCollection services, RedisOptions redis)
    {
        if (string.IsNullOrWhiteSpace(redis.Configuration)) return services;
        var configuration = ConfigurationOptions.Parse(redis.Configuration);
        configuration.AbortOnConnectFail = false; // start without Redis, connect when it comes
        configuration.ClientName ??= "enki";
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        services.AddSingleton<RedisCommitBell>();
        services.RemoveAll<ICommitBell>();
        services.AddSingleton<ICommitBell>(sp => sp.GetRequiredService<RedisCommitBell>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisCommitBell>());
        services.AddHealthChecks().AddCheck<NodeBusHealthCheck>("news");
        // A paused circuit's state goes to the browser, or, when the browser hung up first (a busy node
        // answers the pause before it has sent the state), to this cache: Blazor takes a registered
        // HybridCache for it, and Redis behind it lets whichever node the browser reaches resume it.
        services.AddStackExchangeRedisCache(cache => cache.InstanceName = "enki:");
        services.AddOptions<RedisCacheOptions>().Configure<IConnectionMultiplexer>(
            (cache, multiplexer) => cache.ConnectionMultiplexerFactory = () => Task.FromResult(multiplexer));
        services.AddHybridCache();
        return services;
    }
}
