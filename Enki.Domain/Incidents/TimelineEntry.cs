namespace Enki.Domain.Incidents;

/// <summary>
/// One message that touched the incident, in French. <see cref="MessageKey"/> identifies the message
/// so that the same message applied twice has one effect.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, DateTimeOffset ReceivedAt, string Kind, string Summary, string MessageKey);
