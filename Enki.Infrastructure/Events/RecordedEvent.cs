using Enki.Domain.Events;

namespace Enki.Infrastructure.Events;

/// <summary>An event as the stream hands it to handlers: its number, when it was recorded, and what happened.</summary>
public sealed record RecordedEvent(long Sequence, DateTimeOffset RecordedAt, DomainEvent Event);
