using Enki.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// Every save of an incident writes the span of its resources' status times, from the earliest first status to the latest current one
/// (two columns read by the indicators alone): each resource fact (a first status, a release) lies inside it, so the few incidents that
/// can hold a fact of a given hour are found by an index, whatever their opening or latest receipt.
/// </summary>
public abstract partial class EnkiDbContext
{
    internal const string FirstResourceStatusAt = nameof(FirstResourceStatusAt);

    internal const string LastResourceStatusAt = nameof(LastResourceStatusAt);

    /// <summary>The span of the resources' status times, in UTC (SQLite compares the stored form, offset included); null without a resource.</summary>
    internal static (DateTimeOffset First, DateTimeOffset Last)? ResourceStatusSpan(IReadOnlyCollection<EngagedResource> resources) =>
        resources.Count == 0 ? null : (resources.Min(r => r.History[0].At).ToUniversalTime(), resources.Max(r => r.Current.At).ToUniversalTime());

    private void StampResourceStatusSpans()
    {
        foreach (var entry in ChangeTracker.Entries<Incident>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var span = ResourceStatusSpan(entry.Property<List<EngagedResource>>("_resources").CurrentValue);
            foreach (var (name, value) in new[] { (FirstResourceStatusAt, span?.First), (LastResourceStatusAt, span?.Last) })
            {
                var property = entry.Property<DateTimeOffset?>(name);
                if (property.CurrentValue != value) property.CurrentValue = value;
            }
        }
    }
}
