using Enki.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Hosting;

/// <summary>What an administrator needs to know about this installation at a glance.</summary>
public sealed record SystemStatusReport(
    string DatabaseProvider,
    string DataPath,
    int AppliedMigrations,
    int PendingMigrations,
    int JobServers,
    long SucceededJobs,
    long FailedJobs,
    FailedJob? LatestFailure = null);

/// <summary>The latest job in failure: its Hangfire id (for its page in the dashboard), what ran, when and why.</summary>
public sealed record FailedJob(string Id, string Job, DateTimeOffset? FailedAt, string Reason);

public sealed class SystemStatus(IDbContextFactory<EnkiDbContext> dbFactory, DataFolder dataFolder, EnkiOptions options, JobStorage jobs)
{
    public async Task<SystemStatusReport> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        var monitoring = jobs.GetMonitoringApi();
        var stats = monitoring.GetStatistics();
        var latest = stats.Failed > 0 ? monitoring.FailedJobs(0, 1).FirstOrDefault() : default;
        return new SystemStatusReport(
            options.Database.Provider.ToString(), dataFolder.Path, applied, pending,
            (int)stats.Servers, stats.Succeeded, stats.Failed,
            latest.Value is { } failed
                ? new FailedJob(latest.Key, failed.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : "tâche inconnue",
                    failed.FailedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
                    failed.ExceptionMessage ?? failed.Reason ?? "")
                : null);
    }
}
