namespace Enki.Infrastructure.Nexsis.Messages;

/// <summary>A domain message carried by an <see cref="InboundDistribution"/>.</summary>
public abstract record IntakeMessage;
