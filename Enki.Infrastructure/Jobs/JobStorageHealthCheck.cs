using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enki.Infrastructure.Jobs;

/// <summary>Healthy when the job storage answers and at least one job server is alive.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy($"{servers.Count} serveur(s) de tâches actif(s)")
                : HealthCheckResult.Degraded("Aucun serveur de tâches actif"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Stockage des tâches injoignable", ex));
        }
    }
}
