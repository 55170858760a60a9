namespace Enki.Domain.Crises;

/// <summary>A crisis rule refuses the change; the message is French and shown as is.</summary>
public sealed class CrisisRefused(string reasonInFrench) : Exception(reasonInFrench);
