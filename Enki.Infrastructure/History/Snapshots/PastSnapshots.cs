using Enki.Domain.History;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.History.Snapshots;

/// <summary>What snapshots and past queries share: which incidents a snapshot keeps and how the stream is read on a clock.</summary>
public static class PastSnapshots
{
    /// <summary>
    /// Closed cases kept in a snapshot: those opened in the 24 hours before it, which a dashboard still counts (its
    /// victims, chart and map reach 24 hours back at most). Older closed ones change no figure.
    /// </summary>
    public static readonly TimeSpan ClosedKept = TimeSpan.FromHours(24);

    public static bool Keeps(IncidentThen incident, DateTimeOffset at) => incident.IsOpen || incident.OpenedAt >= at - ClosedKept;

    /// <summary>Incident events of real traffic (exercises are never part of a snapshot).</summary>
    public static IQueryable<StoredEvent> IncidentEvents(this IQueryable<StoredEvent> events, bool exercise = false) =>
        events.Where(e => e.IsExercise == exercise && e.Type.StartsWith("incident."));

    /// <summary>The events that fall after <paramref name="after"/> (excluded) and by <paramref name="until"/> (included) on the clock.</summary>
    public static IQueryable<StoredEvent> Between(this IQueryable<StoredEvent> events, HistoryClock clock, DateTimeOffset? after, DateTimeOffset until)
    {
        if (clock == HistoryClock.AsKnown)
        {
            events = events.Where(e => e.RecordedAt <= until);
            return after is { } from ? events.Where(e => e.RecordedAt > from) : events;
        }
        events = events.Where(e => e.OccurredAt <= until);
        return after is { } start ? events.Where(e => e.OccurredAt > start) : events;
    }

    /// <summary>
    /// Events numbered after <paramref name="sequence"/> that fall by <paramref name="at"/> on the clock: late ones,
    /// which a snapshot taken at that sequence number does not hold.
    /// </summary>
    public static IQueryable<StoredEvent> LateFor(this IQueryable<StoredEvent> events, HistoryClock clock, long sequence, DateTimeOffset at) =>
        clock == HistoryClock.AsKnown
            ? events.Where(e => e.Sequence > sequence && e.RecordedAt <= at)
            : events.Where(e => e.Sequence > sequence && e.OccurredAt <= at);

    public static async Task<List<PastEvent>> ReadAsync(IQueryable<StoredEvent> rows, CancellationToken cancellationToken)
    {
        var events = await rows.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return [.. events.Select(EventCatalog.Read)
            .Where(r => r?.Event is IncidentEvent)
            .Select(r => new PastEvent(r!.Sequence, r.RecordedAt, (IncidentEvent)r.Event))];
    }

    /// <summary>Whether an event places its case elsewhere than where it was opened.</summary>
    public static bool PlacesElsewhere(PastEvent past, IncidentThen then) =>
        !string.Equals(past.Event.Incident.CommuneCode, then.CommuneCode, StringComparison.Ordinal);

    /// <summary>The snapshot instants are whole multiples of the interval since 1 January 1970 UTC.</summary>
    public static DateTimeOffset Floor(DateTimeOffset at, TimeSpan interval)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - ticks % interval.Ticks);
    }
}
