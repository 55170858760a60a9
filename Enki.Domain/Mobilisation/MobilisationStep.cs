namespace Enki.Domain.Mobilisation;

/// <summary>One transition in a request's history: who did what, when, and why for a refusal.</summary>
public sealed record MobilisationStep(
    MobilisationStatus From, MobilisationAction Action, MobilisationStatus To,
    string ActorId, string ActorName, DateTimeOffset At, string? Reason = null);
