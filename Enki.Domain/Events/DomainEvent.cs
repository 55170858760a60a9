using Enki.Domain.Access;

namespace Enki.Domain.Events;

/// <summary>
/// Something that happened, recorded by an aggregate in the same unit of work as the change itself.
/// <see cref="OccurredAt"/> is when it happened (the sender's clock for NexSIS, the moment of a
/// person's action); when Enki recorded it is the stream's business.
/// </summary>
public abstract record DomainEvent(DateTimeOffset OccurredAt)
{
    /// <summary>Where it happened, for the jurisdiction of whoever reads the stream; null when nowhere in particular.</summary>
    public virtual ILocatedInTerritory? Territory() => null;

    /// <summary>The aggregate it is about (incident, crisis, request).</summary>
    public virtual Guid? SubjectId() => null;

    /// <summary>Exercise traffic: never mixed with real data by those who read the stream.</summary>
    public virtual bool IsExercise() => false;
}
