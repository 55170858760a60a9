using Enki.Infrastructure.Nexsis.Messages;

namespace Enki.Infrastructure.Nexsis.Formats;

/// <summary>What <see cref="NexsisMessageReader"/> made of a payload: a success or a failure, never an exception.</summary>
public abstract record NexsisReadResult;

/// <summary>The payload was read: the distribution and the domain messages it carries, in order.</summary>
public sealed record NexsisReadSuccess(InboundDistribution Distribution, IReadOnlyList<IntakeMessage> Messages) : NexsisReadResult;

/// <summary>
/// The payload cannot be taken in: <paramref name="Reason"/> is a French sentence for the quarantine
/// screen, <paramref name="Detail"/> the technical detail (field, value, parser message).
/// </summary>
public sealed record ReadFailure(string Reason, string Detail) : NexsisReadResult;

/// <summary>Raised by the readers for a payload they refuse; the facade maps it to a <see cref="ReadFailure"/>.</summary>
public sealed class NexsisFormatException(string reason, string detail) : Exception($"{reason} ({detail})")
{
    /// <summary>French reason, shown to the operators.</summary>
    public string Reason { get; } = reason;

    /// <summary>Technical detail.</summary>
    public string Detail { get; } = detail;
}
