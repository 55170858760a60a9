namespace Enki.Infrastructure.Events;

/// <summary>
/// One row of the stream of what happened, written in the transaction of the change it tells.
/// <see cref="Sequence"/> is strictly increasing in commit order without gaps (see
/// <see cref="EventStreamHead"/>), so a reader that has seen n has seen everything before n.
/// </summary>
public sealed class StoredEvent : Enki.Domain.Access.ILocatedInTerritory
{
    public long Sequence { get; set; }

    /// <summary>Stable name (<see cref="EventCatalog"/>), independent of the C# type's name.</summary>
    public string Type { get; set; } = "";

    /// <summary>The incident, crisis or request it is about.</summary>
    public Guid? SubjectId { get; set; }

    public string? CommuneCode { get; set; }

    public string? DepartmentCode { get; set; }

    public string? ZoneCode { get; set; }

    public bool IsExercise { get; set; }

    /// <summary>The event as JSON.</summary>
    public string Payload { get; set; } = "";

    /// <summary>When it happened (the sender's clock for NexSIS, the moment of a person's action).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When Enki recorded it: the commit of the change (for a rebuilt event, the receipt of the message that told it).</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>
    /// Rebuilt afterwards from the raw NexSIS inbox (history from before the stream): read by past queries, never handed
    /// to the stream's handlers (no screen, warning or mail for what happened long ago).
    /// </summary>
    public bool Rebuilt { get; set; }
}
