using Enki.Infrastructure.Hosting;
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
        return services;
    }
}
