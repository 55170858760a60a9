using Enki.Domain.Incidents;
using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// Every save that adds or changes a real incident marks, in the same transaction, the hours of the pre-aggregate
/// its change may alter (<see cref="OpenedHourMark"/>): its opening hour; and when its status, place, family or
/// exercise flag moves, the hours of all its status reports, known and new (its progress steps and final closing
/// lie at those times and at its opening, before and after the change); and the hours of the resource facts it adds or takes away.
/// </summary>
public abstract partial class EnkiDbContext
{
    public DbSet<OpenedHour> OpenedHours => Set<OpenedHour>();

    public DbSet<OpenedHourMark> OpenedHourMarks => Set<OpenedHourMark>();

    public DbSet<OpenedNationalHour> OpenedNationalHours => Set<OpenedNationalHour>();

    public DbSet<OpenedDepartmentDay> OpenedDepartmentDays => Set<OpenedDepartmentDay>();

    public DbSet<GridNationalHour> GridNationalHours => Set<GridNationalHour>();

    public DbSet<CoverageHour> CoverageHours => Set<CoverageHour>();

    public DbSet<CoverageNationalHour> CoverageNationalHours => Set<CoverageNationalHour>();

    public DbSet<ResourceHour> ResourceHours => Set<ResourceHour>();

    public DbSet<ResourceNationalHour> ResourceNationalHours => Set<ResourceNationalHour>();

    public DbSet<ResourceDepartmentDay> ResourceDepartmentDays => Set<ResourceDepartmentDay>();

    public DbSet<VictimChange> VictimChanges => Set<VictimChange>();

    public DbSet<TouchedDepartmentDay> TouchedDepartmentDays => Set<TouchedDepartmentDay>();

    private void MarkIndicatorHours() => AddMarks(ProgressMoved() is { Count: > 0 } moved ? KnownReports(moved).ToList() : []);

    private async Task MarkIndicatorHoursAsync(CancellationToken cancellationToken) =>
        AddMarks(ProgressMoved() is { Count: > 0 } moved ? await KnownReports(moved).ToListAsync(cancellationToken) : []);

    private void AddMarks(IEnumerable<DateTimeOffset> knownReports)
    {
        // Victims are a complex property: a change to them alone shows as the incident's own change.
        var real = ChangeTracker.Entries<Incident>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && CountsAsReal(e)).ToList();
        var newReports = real.SelectMany(e => e.Entity.PendingEvents()).Concat(_recorded ?? [])
            .Where(e => e is IncidentClosed or IncidentStatusChanged).Select(e => e.OccurredAt);
        var hours = real.Select(e => e.Entity.OpenedAt).Concat(newReports).Concat(knownReports).Concat(real.SelectMany(MovedResourceFacts))
            .Select(OpenedHour.HourOf).ToHashSet();
        foreach (var hour in hours)
        {
            OpenedHourMarks.Add(new OpenedHourMark { Hour = hour });
        }
    }

    /// <summary>
    /// The times of the resource facts (<see cref="ResourceHour"/>) this save adds or takes away: those of the stored row and those of
    /// the incident now, compared whole (place, kind, duration, first status and release, exercise flag, deletion, and the latest receipt,
    /// which bounds the facts counted), so a late earlier status marks the first status's old and new hours, a re-engaged
    /// resource its former release's hour.
    /// </summary>
    private static IEnumerable<DateTimeOffset> MovedResourceFacts(EntityEntry<Incident> e)
    {
        const string resources = "_resources";
        var before = e.State == EntityState.Added || e.Property(i => i.IsExercise).OriginalValue
            ? []
            : ResourceFacts.Of(new ResourceFacts.ResourceIncident(e.Entity.OpenedAt, e.Property(i => i.UpdatedAt).OriginalValue,
                e.Property(i => i.CommuneCode).OriginalValue, e.Property(i => i.DepartmentCode).OriginalValue, e.Property(i => i.ZoneCode).OriginalValue,
                e.Property<List<EngagedResource>>(resources).OriginalValue)).ToHashSet();
        var after = e.State == EntityState.Deleted || e.Entity.IsExercise
            ? []
            : ResourceFacts.Of(new ResourceFacts.ResourceIncident(e.Entity.OpenedAt, e.Entity.UpdatedAt,
                e.Entity.CommuneCode, e.Entity.DepartmentCode, e.Entity.ZoneCode, e.Property<List<EngagedResource>>(resources).CurrentValue)).ToHashSet();
        before.SymmetricExceptWith(after);
        return before.Select(f => f.At);
    }

    /// <summary>
    /// Rebuilt events come without their incident's save (<see cref="AppendRebuiltAsync"/>), so their marks are written here, as a save
    /// would: the opening hours of their real incidents (a victims report changes its opening hour's rows, <see cref="VictimChange"/>),
    /// and for an incident given a rebuilt status report, the hours of its reports known and rebuilt (its progress steps lie there).
    /// </summary>
    private async Task MarkRebuiltAsync(IReadOnlyCollection<Infrastructure.Events.StoredEvent> rows, CancellationToken cancellationToken)
    {
        var subjects = rows.Select(r => r.SubjectId).OfType<Guid>().Distinct().ToList();
        if (subjects.Count == 0) return;
        var exercise = false;
        var real = await Incidents.AsNoTracking().Where(i => i.IsExercise == exercise && subjects.Contains(i.Id))
            .Select(i => new { i.Id, i.OpenedAt }).ToListAsync(cancellationToken);
        var progress = rows.Where(r => r.Type is ProgressChanges.Closed or ProgressChanges.StatusChanged && real.Any(i => i.Id == r.SubjectId)).ToList();
        var moved = progress.Select(r => r.SubjectId).Distinct().ToList();
        var reports = moved.Count == 0 ? [] : await KnownReports(moved).ToListAsync(cancellationToken);
        var hours = real.Select(i => i.OpenedAt).Concat(reports).Concat(progress.Select(r => r.OccurredAt)).Select(OpenedHour.HourOf).ToHashSet();
        OpenedHourMarks.AddRange(hours.Select(hour => new OpenedHourMark { Hour = hour }));
    }

    /// <summary>The incidents (already stored) whose progress steps may move with this save.</summary>
    private List<Guid?> ProgressMoved() =>
        [.. ChangeTracker.Entries<Incident>()
            .Where(e => e.State is EntityState.Deleted || e.State is EntityState.Modified && (
                e.Entity.PendingEvents().Any(p => p is IncidentClosed or IncidentStatusChanged)
                || e.Property(i => i.Status).IsModified || e.Property(i => i.CommuneCode).IsModified || e.Property(i => i.NatureFamily).IsModified
                || e.Property(i => i.IsExercise).IsModified))
            .Where(CountsAsReal)
            .Select(e => (Guid?)e.Entity.Id)];

    private IQueryable<DateTimeOffset> KnownReports(List<Guid?> incidents) =>
        Events.AsNoTracking()
            .Where(e => incidents.Contains(e.SubjectId) && (e.Type == ProgressChanges.Closed || e.Type == ProgressChanges.StatusChanged))
            .Select(e => e.OccurredAt);

    /// <summary>Real now, or real before this change (an incident turned into an exercise leaves the figures).</summary>
    private static bool CountsAsReal(EntityEntry<Incident> e) =>
        !e.Entity.IsExercise || e.State == EntityState.Modified && !e.Property(i => i.IsExercise).OriginalValue;
}
