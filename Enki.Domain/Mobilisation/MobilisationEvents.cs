using Enki.Domain.Access;
using Enki.Domain.Events;

namespace Enki.Domain.Mobilisation;

/// <summary>What every mobilisation event says of its request: both sides' screens decide from it.</summary>
public sealed record MobilisationSubject(
    Guid RequestId, string Object, MobilisationRecipient Recipient, string RecipientName, string IssuerId, Profile? IssuerProfile,
    string IssuerJurisdiction, Guid? CrisisId, string? CommuneCode, string? DepartmentCode, string? ZoneCode) : ILocatedInTerritory;

/// <param name="Status">The request's status once the event happened.</param>
public abstract record MobilisationEvent(MobilisationSubject Request, MobilisationStatus Status, string ActorName, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt)
{
    public override ILocatedInTerritory Territory() => Request;

    public override Guid? SubjectId() => Request.RequestId;
}

public sealed record MobilisationRequestIssued(MobilisationSubject Request, MobilisationStatus Status, string ActorName, DateTimeOffset OccurredAt)
    : MobilisationEvent(Request, Status, ActorName, OccurredAt);

/// <summary>One step of the lifecycle: received, accepted, refused, started, completed, cancelled.</summary>
public sealed record MobilisationRequestMoved(
    MobilisationSubject Request, MobilisationStatus Status, string ActorName, DateTimeOffset OccurredAt, MobilisationAction Action,
    MobilisationStatus From, string? Reason) : MobilisationEvent(Request, Status, ActorName, OccurredAt);

/// <summary>The deadline passed with the request still open (flagged once).</summary>
public sealed record MobilisationRequestOverdue(MobilisationSubject Request, MobilisationStatus Status, string ActorName, DateTimeOffset OccurredAt)
    : MobilisationEvent(Request, Status, ActorName, OccurredAt);
