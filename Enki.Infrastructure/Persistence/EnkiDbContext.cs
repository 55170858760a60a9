using Enki.Infrastructure.Persistence.Storage;
using Enki.Domain.Directory;
using Enki.Domain.Crises;
using Enki.Domain.Incidents;
using Enki.Domain.Indicators.Pins;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Warnings;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Nexsis.Feed;
using Enki.Infrastructure.Nexsis.Inbox;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// The Enki store, Identity's tables included. Each database provider derives its own context type
/// so that it keeps its own migrations (SQLite and SQL Server generate different DDL).
/// </summary>
public abstract partial class EnkiDbContext(DbContextOptions options) : IdentityDbContext<EnkiUser>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring that signs cookies and antiforgery tokens, shared by every node of the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<InboxMessage> NexsisInbox => Set<InboxMessage>();

    public DbSet<NexsisSyncState> NexsisSync => Set<NexsisSyncState>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<StoredEvent> Events => Set<StoredEvent>();

    public DbSet<EventHandlerPosition> EventHandlerPositions => Set<EventHandlerPosition>();

    public DbSet<Jobs.CompletedOneOffTask> CompletedOneOffTasks => Set<Jobs.CompletedOneOffTask>();

    public DbSet<History.Snapshots.PastSnapshotRow> PastSnapshots => Set<History.Snapshots.PastSnapshotRow>();

    public DbSet<History.Snapshots.PastSnapshotInstant> PastSnapshotInstants => Set<History.Snapshots.PastSnapshotInstant>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Crisis> Crises => Set<Crisis>();

    public DbSet<LogbookEntry> LogbookEntries => Set<LogbookEntry>();

    public DbSet<MobilisationRequest> MobilisationRequests => Set<MobilisationRequest>();

    public DbSet<IndicatorPin> IndicatorPins => Set<IndicatorPin>();

    public DbSet<Enki.Domain.Crises.Retex.AfterActionReview> AfterActionReviews => Set<Enki.Domain.Crises.Retex.AfterActionReview>();

    public DbSet<WarningRule> WarningRules => Set<WarningRule>();

    public DbSet<Warning> Warnings => Set<Warning>();

    public DbSet<WarningDelivery> WarningDeliveries => Set<WarningDelivery>();

    public DbSet<WarningPreferences> WarningPreferences => Set<WarningPreferences>();

    public DbSet<AcknowledgementLink> AcknowledgementLinks => Set<AcknowledgementLink>();

    public DbSet<StoredEscalationList> EscalationLists => Set<StoredEscalationList>();

    public DbSet<WebPushSubscription> WebPushSubscriptions => Set<WebPushSubscription>();

    public DbSet<DutyPeriod> DutyPeriods => Set<DutyPeriod>();

    public DbSet<Enki.Domain.Vigilance.AreaVigilance> Vigilances => Set<Enki.Domain.Vigilance.AreaVigilance>();

    public DbSet<Vigilance.QuarantinedVigilanceDocument> VigilanceQuarantine => Set<Vigilance.QuarantinedVigilanceDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EnkiDbContext).Assembly);

        modelBuilder.Entity<EnkiUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Organisation).HasMaxLength(200);
            user.Property(u => u.Profile).HasConversion(EnumStorage.Profile.Converter).HasMaxLength(32);
            user.Property(u => u.JurisdictionKind).HasConversion(EnumStorage.JurisdictionKind.Converter).HasMaxLength(16);
            user.Property(u => u.JurisdictionCode).HasMaxLength(16);
            user.Property(u => u.CommuneCode).HasMaxLength(8);
            user.Property(u => u.DepartmentCode).HasMaxLength(8);
            user.Property(u => u.ZoneCode).HasMaxLength(16);
            user.HasIndex(u => u.DepartmentCode);
            user.Ignore(u => u.Jurisdiction);
        });
        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("Invitations");
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasOne<EnkiUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("AuditEntries");
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.ActorId).HasMaxLength(450);
            entry.Property(e => e.ActorName).HasMaxLength(256);
            entry.Property(e => e.Target).HasMaxLength(256);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
            entry.Property(e => e.UserAgent).HasMaxLength(512);
            entry.Property(e => e.CommuneCode).HasMaxLength(8);
            entry.Property(e => e.DepartmentCode).HasMaxLength(8);
            entry.Property(e => e.ZoneCode).HasMaxLength(16);
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => e.Action);
        });
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("Outbox");
            message.Property(m => m.Recipient).HasMaxLength(256);
            message.Property(m => m.Subject).HasMaxLength(256);
            message.Property(m => m.Status).HasConversion(EnumStorage.OutboxStatus.Converter).HasMaxLength(16);
            message.HasIndex(m => m.CreatedAt);
            message.Property(m => m.DeliveryKey).HasMaxLength(300);
            message.HasIndex(m => m.DeliveryKey).IsUnique();
        });
    }

    /// <summary>Synchronous saves exist for framework code only; they must not carry events (the stream is written asynchronously).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var autoDetect = DetectOnceThenGuard();
        try
        {
            StampResourceStatusSpans();
            MarkIndicatorHours();
            if (HasPendingEvents())
            {
                throw new InvalidOperationException("Les événements s'enregistrent par SaveChangesAsync.");
            }
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var autoDetect = DetectOnceThenGuard();
        try
        {
            StampResourceStatusSpans();
            await MarkIndicatorHoursAsync(cancellationToken);
            return HasPendingEvents()
                ? await SaveWithEventsAsync(acceptAllChangesOnSuccess, cancellationToken)
                : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// Detects the changes once for both the guard and the save: each <c>Entries</c> call and the
    /// save itself would otherwise compare every tracked entity's snapshot again (three passes over
    /// an intake batch's incidents and their JSON columns). Returns the setting to restore.
    /// </summary>
    private bool DetectOnceThenGuard()
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect)
        {
            ChangeTracker.DetectChanges();
        }
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            GuardAppendOnly();
        }
        catch
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            throw;
        }
        return autoDetect;
    }

    /// <summary>The audit trail and the main courante are evidence: once written, a row never changes.</summary>
    private void GuardAppendOnly()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Le journal d'audit est en ajout seul : modification et suppression interdites.");
        }
        // The main courante is evidence too: a mistake is corrected by a new entry.
        if (ChangeTracker.Entries<LogbookEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("La main courante est en ajout seul : modification et suppression interdites.");
        }
    }
}
