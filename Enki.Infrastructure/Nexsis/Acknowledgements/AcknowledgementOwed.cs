using Enki.Domain.Events;

namespace Enki.Infrastructure.Nexsis.Acknowledgements;

/// <summary>
/// A NexSIS distribution carrying a case was applied: its sender is owed an RC-REF acknowledgement.
/// Recorded again (<paramref name="Again"/>) when the platform sends the same distribution after it
/// was applied: it did not get the first one.
/// </summary>
public sealed record AcknowledgementOwed(string DistributionId, string? SenderId, bool Exercise, bool Again, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override bool IsExercise() => Exercise;
}
