namespace Enki.Domain.Intake;

/// <summary>A domain message carried by an <see cref="InboundDistribution"/>.</summary>
public abstract record IntakeMessage;
