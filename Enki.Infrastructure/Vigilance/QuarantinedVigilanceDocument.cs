using Enki.Domain.Vigilance;

namespace Enki.Infrastructure.Vigilance;

/// <summary>
/// A vigilance document Enki could not read, kept with its reason and raw text (as the NexSIS inbox
/// quarantines a message) rather than stopping the job: an administrator can see what the source sent.
/// </summary>
public sealed class QuarantinedVigilanceDocument
{
    /// <summary>Kept up to this many characters: a vigilance map is a few hundred kilobytes at most.</summary>
    public const int MaxPayloadLength = 200_000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public VigilanceSource Source { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string Reason { get; set; } = "";

    public string Payload { get; set; } = "";

    public static QuarantinedVigilanceDocument Of(VigilanceSource source, string reason, string payload, DateTimeOffset now) => new()
    {
        Source = source,
        ReceivedAt = now,
        Reason = reason.Length > 1000 ? reason[..1000] : reason,
        Payload = payload.Length > MaxPayloadLength ? payload[..MaxPayloadLength] : payload,
    };
}
