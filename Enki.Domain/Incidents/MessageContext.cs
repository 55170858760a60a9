namespace Enki.Domain.Incidents;

/// <summary>
/// What the intake knows about the message being applied: its identity (for idempotency), when it
/// was sent (for ordering) and received, and whether it is exercise traffic.
/// </summary>
/// <param name="MessageKey">Stable identity of the message (distribution id and position, or payload hash).</param>
/// <param name="SentAt">The sender's time: an older message never overwrites a newer state.</param>
public sealed record MessageContext(string MessageKey, DateTimeOffset SentAt, DateTimeOffset ReceivedAt, bool IsExercise, string? Sender);
