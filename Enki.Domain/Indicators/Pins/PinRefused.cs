namespace Enki.Domain.Indicators.Pins;

/// <summary>A pin or an unpin refused, with the reason in French.</summary>
public sealed class PinRefused(string reasonInFrench) : Exception(reasonInFrench);
