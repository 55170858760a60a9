using Enki.Domain.Access;
using Enki.Domain.Events;

namespace Enki.Domain.Warnings;

/// <summary>What every warning event says of its warning: enough for a screen to decide whether it cares.</summary>
public sealed record WarningSubject(
    Guid WarningId, string Title, bool Urgent, string OwnerCode, string? CommuneCode, string? DepartmentCode, string? ZoneCode) : ILocatedInTerritory;

public abstract record WarningEvent(WarningSubject Warning, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override ILocatedInTerritory Territory() => Warning;

    public override Guid? SubjectId() => Warning.WarningId;
}

/// <param name="CauseSequence">The stream event that raised it.</param>
public sealed record WarningRaised(WarningSubject Warning, DateTimeOffset OccurredAt, long CauseSequence, Guid RuleId) : WarningEvent(Warning, OccurredAt);

/// <summary>A delivery reached its person's channel: the in-app one shows it in their notification centre.</summary>
public sealed record WarningDelivered(WarningSubject Warning, DateTimeOffset OccurredAt, string UserId, WarningChannel Channel, bool Silent)
    : WarningEvent(Warning, OccurredAt);

public sealed record WarningAcknowledged(WarningSubject Warning, DateTimeOffset OccurredAt, string UserId, string UserName) : WarningEvent(Warning, OccurredAt);

/// <param name="Level">The step reached (1 for the first one of the list).</param>
public sealed record WarningEscalated(WarningSubject Warning, DateTimeOffset OccurredAt, int Level, string RecipientName) : WarningEvent(Warning, OccurredAt);
