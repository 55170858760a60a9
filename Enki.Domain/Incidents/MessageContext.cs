namespace Enki.Domain.Incidents;

/// <summary>
/// What the intake knows about the message being applied: its identity (for idempotency), when its
/// sender says it was written (for ordering), when and in which order Enki received it, and whether
/// it is exercise traffic.
/// </summary>
/// <param name="MessageKey">Stable identity of the message (distribution id and position, or payload hash).</param>
/// <param name="SentAt">The sender's time: an older message never overwrites a newer state. Without
/// <paramref name="HasSenderClock"/>, only a display time (Enki's receipt).</param>
/// <param name="Arrival">Enki's arrival order (inbox position): breaks ties between equal sender times.</param>
/// <param name="HasSenderClock">False when the message carries no time of its own sender.</param>
public sealed record MessageContext(
    string MessageKey, DateTimeOffset SentAt, DateTimeOffset ReceivedAt, bool IsExercise, string? Sender,
    long Arrival = 0, bool HasSenderClock = true)
{
    /// <summary>
    /// Where this message stands against what an aspect already knows. A message without a clock of
    /// its own takes the aspect's current sender time: only its arrival order can make it newer,
    /// Enki's receipt time is never compared with a sender's.
    /// </summary>
    public AspectVersion VersionAgainst(AspectVersion current) =>
        new(HasSenderClock ? SentAt : current.At, Arrival);
}
