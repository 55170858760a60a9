using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Feed;
using Enki.Infrastructure.Nexsis.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// The Enki store. Each database provider derives its own context type so that it keeps
/// its own migrations (SQLite and SQL Server generate different DDL).
/// </summary>
public abstract class EnkiDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<InboxMessage> NexsisInbox => Set<InboxMessage>();

    public DbSet<NexsisSyncState> NexsisSync => Set<NexsisSyncState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EnkiDbContext).Assembly);
    }
}
