using Enki.Domain.Incidents;
using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>Every save that adds or changes a real incident marks its opening hour in the same transaction (<see cref="OpenedHourMark"/>).</summary>
public abstract partial class EnkiDbContext
{
    public DbSet<OpenedHour> OpenedHours => Set<OpenedHour>();

    public DbSet<OpenedHourMark> OpenedHourMarks => Set<OpenedHourMark>();

    public DbSet<OpenedNationalHour> OpenedNationalHours => Set<OpenedNationalHour>();

    public DbSet<OpenedDepartmentDay> OpenedDepartmentDays => Set<OpenedDepartmentDay>();

    private void MarkOpenedHours()
    {
        var hours = ChangeTracker.Entries<Incident>()
            // Victims are a complex property: a change to them alone shows as the incident's own change.
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !e.Entity.IsExercise)
            .Select(e => OpenedHour.HourOf(e.Entity.OpenedAt))
            .ToHashSet();
        foreach (var hour in hours)
        {
            OpenedHourMarks.Add(new OpenedHourMark { Hour = hour });
        }
    }
}
