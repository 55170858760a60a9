namespace Enki.Domain.Events;

/// <summary>
/// An aggregate that records what happened to it. The store takes the pending events with the
/// aggregate's state in one transaction, then clears them.
/// </summary>
public abstract class EventSource
{
    private List<DomainEvent>? _pending;

    public IReadOnlyList<DomainEvent> PendingEvents() => _pending ?? (IReadOnlyList<DomainEvent>)[];

    public void ClearPendingEvents() => _pending = null;

    protected void Record(DomainEvent happened) => (_pending ??= []).Add(happened);
}
