namespace Enki.Infrastructure.Nexsis.Inbox;

/// <summary>How a payload reached Enki.</summary>
public enum InboxChannel
{
    /// <summary>POST /api/nexsis/messages.</summary>
    Push,
    /// <summary>Read from the exchange platform's feed.</summary>
    Pull,
}

/// <summary>Where a stored payload stands in the intake.</summary>
public enum InboxState
{
    /// <summary>Stored, not yet applied.</summary>
    Pending,
    /// <summary>Applied to the incidents.</summary>
    Processed,
    /// <summary>An update for a case not yet known: waits for the case, then for quarantine.</summary>
    Waiting,
    /// <summary>Refused, with its reason; an administrator may reprocess it.</summary>
    Quarantined,
}

/// <summary>
/// A payload exactly as received, stored before anything else is done with it: nothing is lost if
/// parsing fails or the process stops. Identical payloads are stored once (hash).
/// </summary>
public sealed class InboxMessage
{
    public long Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public InboxChannel Channel { get; set; }

    /// <summary>Who sent it: the push key's name, or the feed.</summary>
    public string? Sender { get; set; }

    public string? ContentType { get; set; }

    public byte[] Payload { get; set; } = [];

    /// <summary>SHA-256 of <see cref="Payload"/>, hex: the same distribution twice is stored once.</summary>
    public string PayloadHash { get; set; } = "";

    public string? DistributionId { get; set; }

    /// <summary>The case the payload is about, when it could be read (to wake waiting updates).</summary>
    public string? CaseId { get; set; }

    public InboxState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Since when an update has been waiting for its case.</summary>
    public DateTimeOffset? WaitingSince { get; set; }

    /// <summary>Why it was quarantined (or is waiting), in French.</summary>
    public string? Reason { get; set; }

    /// <summary>Technical detail for the administrators.</summary>
    public string? Detail { get; set; }

    public void Quarantine(string reason, string? detail, DateTimeOffset at)
    {
        State = InboxState.Quarantined;
        Reason = reason;
        Detail = detail;
        ProcessedAt = at;
    }
}
