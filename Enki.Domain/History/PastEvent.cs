using Enki.Domain.Incidents;

namespace Enki.Domain.History;

/// <summary>An incident event with its place in the stream and when Enki recorded it.</summary>
public sealed record PastEvent(long Sequence, DateTimeOffset RecordedAt, IncidentEvent Event)
{
    /// <summary>The event's time on the chosen clock.</summary>
    public DateTimeOffset At(HistoryClock clock) => clock == HistoryClock.AsKnown ? RecordedAt : Event.OccurredAt;
}
