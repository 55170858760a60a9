namespace Enki.Infrastructure.Events;

/// <summary>How far a durable handler (mail, NexSIS acknowledgements…) has taken the stream.</summary>
public sealed class EventHandlerPosition
{
    public string Handler { get; set; } = "";

    /// <summary>The last sequence number the handler took; everything after it is still owed to it.</summary>
    public long Position { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Since when it has been failing on the next events; null when up to date or progressing.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    public string? LastError { get; set; }

    /// <summary>The node delivering to this handler: one at a time, so a mail or an acknowledgement is not sent by two nodes at once.</summary>
    public string? LeaseHolder { get; set; }

    /// <summary>Until when <see cref="LeaseHolder"/> holds it; a node that died lets it lapse and another takes over.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
