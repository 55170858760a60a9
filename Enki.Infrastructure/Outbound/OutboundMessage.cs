namespace Enki.Infrastructure.Outbound;

/// <summary>Where an outbound message goes.</summary>
public enum OutboundChannel
{
    /// <summary>RC-REF acknowledgements to the NexSIS exchange platform.</summary>
    NexsisAcknowledgement,
}

/// <summary>
/// Something Enki owes the outside world, recorded in the same transaction as the change that
/// owes it, and delivered after the commit until the receiver confirms. A crash between the commit
/// and the delivery loses nothing: the next dispatch sends what is still undelivered.
/// </summary>
public sealed class OutboundMessage
{
    /// <summary>Strictly increasing: the delivery order.</summary>
    public long Sequence { get; set; }

    public OutboundChannel Channel { get; set; }

    /// <summary>The stable id the receiver deduplicates by: every resend of this message carries it.</summary>
    public string DeliveryId { get; set; } = "";

    /// <summary>What it is about (for an acknowledgement, the acknowledged distribution's id).</summary>
    public string Subject { get; set; } = "";

    /// <summary>The body exactly as sent, built once so that every resend is identical.</summary>
    public string Payload { get; set; } = "";

    /// <summary>When what it tells happened (the commit that owes it).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>When the receiver last confirmed it; null while owed.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
