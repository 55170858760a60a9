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
    long FailedJobs);

public sealed class SystemStatus(IDbContextFactory<EnkiDbContext> dbFactory, DataFolder dataFolder, EnkiOptions options, JobStorage jobs)
{
    public async Task<SystemStatusReport> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        var stats = jobs.GetMonitoringApi().GetStatistics();
        return new SystemStatusReport(
            options.Database.Provider.ToString(), dataFolder.Path, applied, pending,
            (int)stats.Servers, stats.Succeeded, stats.Failed);
    }
}
