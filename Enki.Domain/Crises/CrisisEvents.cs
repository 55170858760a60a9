using Enki.Domain.Access;
using Enki.Domain.Events;

namespace Enki.Domain.Crises;

/// <summary>What every crisis event says of its crisis.</summary>
public sealed record CrisisSubject(Guid CrisisId, string Title, bool IsExercise, IReadOnlyList<CrisisTerritory> Territories);

/// <summary>A change of a crisis by a person (its main courante says it in words).</summary>
public abstract record CrisisEvent(CrisisSubject Crisis, string ActorId, string ActorName, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public override ILocatedInTerritory? Territory() => Crisis.Territories.FirstOrDefault();

    public override Guid? SubjectId() => Crisis.CrisisId;

    public override bool IsExercise() => Crisis.IsExercise;
}

public sealed record CrisisOpened(CrisisSubject Crisis, string ActorId, string ActorName, DateTimeOffset OccurredAt, CrisisType Type, DateTimeOffset StartedAt)
    : CrisisEvent(Crisis, ActorId, ActorName, OccurredAt);

public sealed record CrisisEdited(CrisisSubject Crisis, string ActorId, string ActorName, DateTimeOffset OccurredAt, CrisisType Type)
    : CrisisEvent(Crisis, ActorId, ActorName, OccurredAt);

public sealed record CrisisEnded(CrisisSubject Crisis, string ActorId, string ActorName, DateTimeOffset OccurredAt, DateTimeOffset EndedAt)
    : CrisisEvent(Crisis, ActorId, ActorName, OccurredAt);

public sealed record CrisisReopened(CrisisSubject Crisis, string ActorId, string ActorName, DateTimeOffset OccurredAt)
    : CrisisEvent(Crisis, ActorId, ActorName, OccurredAt);

public sealed record CrisisIncidentAttached(CrisisSubject Crisis, string ActorId, string ActorName, DateTimeOffset OccurredAt, Guid IncidentId)
    : CrisisEvent(Crisis, ActorId, ActorName, OccurredAt);

public sealed record CrisisIncidentDetached(CrisisSubject Crisis, string ActorId, string ActorName, DateTimeOffset OccurredAt, Guid IncidentId)
    : CrisisEvent(Crisis, ActorId, ActorName, OccurredAt);

public sealed record CrisisParticipantSet(CrisisSubject Crisis, string ActorId, string ActorName, DateTimeOffset OccurredAt, CrisisParticipant Participant)
    : CrisisEvent(Crisis, ActorId, ActorName, OccurredAt);
