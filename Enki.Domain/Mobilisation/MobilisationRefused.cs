namespace Enki.Domain.Mobilisation;

/// <summary>An action the request's rules forbid (wrong status, wrong person, missing reason); the message is for the user.</summary>
public sealed class MobilisationRefused(string reasonInFrench) : Exception(reasonInFrench);
