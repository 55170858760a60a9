namespace Enki.Infrastructure.Mail;

public enum OutboxStatus
{
    /// <summary>No SMTP server configured: kept here only, for an administrator to read.</summary>
    Recorded,
    Sent,
    Failed,
}

/// <summary>Every message Enki sends, whatever happened to it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Recipient { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public OutboxStatus Status { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>What the message answers (an event and an address), unique: the same cause never mails twice.</summary>
    public string? DeliveryKey { get; set; }
}
