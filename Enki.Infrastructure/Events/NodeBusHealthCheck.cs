using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Enki.Infrastructure.Events;

/// <summary>
/// Whether this node hears the other nodes' commits through Redis. Without it the node still serves,
/// only later (its own poll of the stream): degraded, not down, so the gateway keeps sending it browsers.
/// </summary>
internal sealed class NodeBusHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Redis injoignable : les changements faits sur les autres nœuds n'arrivent qu'au relevé périodique du flux."));
}
