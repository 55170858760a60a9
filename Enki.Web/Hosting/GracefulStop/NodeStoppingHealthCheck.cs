using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enki.Web.Hosting.GracefulStop;

/// <summary>Unhealthy from the start of a graceful stop: the gateway stops sending browsers here.</summary>
public sealed class NodeStoppingHealthCheck(OpenCircuits circuits) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(circuits.Stopping ? HealthCheckResult.Unhealthy("Arrêt en cours") : HealthCheckResult.Healthy());
}
