namespace Enki.Infrastructure.Events;

/// <summary>Whether a handler's position survives the process.</summary>
public enum HandlerScope
{
    /// <summary>
    /// Its position is stored: after a crash or a failure it receives again what it had not confirmed,
    /// so it must be idempotent, keyed by the event's sequence number (mail, NexSIS acknowledgements).
    /// </summary>
    Durable,

    /// <summary>
    /// This node's own consumers (its open screens): it starts at the stream's head when the node
    /// starts, since screens opened after that read the current state from the store.
    /// </summary>
    Node,
}

/// <summary>
/// A consumer of the stream. The dispatcher hands it events in sequence order, in batches, after
/// their commit; a handler that throws gets the same events again later (at least once).
/// </summary>
public interface IEventHandler
{
    /// <summary>Stable name: the key of its stored position.</summary>
    string Name { get; }

    HandlerScope Scope { get; }

    /// <summary>False when it has nowhere to deliver (no address configured): its events wait for it.</summary>
    bool IsEnabled => true;

    /// <summary>Whether it acts on this kind of event; the others only move its position on.</summary>
    bool Handles(Domain.Events.DomainEvent happened);

    /// <summary>Acts on the events it <see cref="Handles"/>, in sequence order (never called with none).</summary>
    Task HandleAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);
}
