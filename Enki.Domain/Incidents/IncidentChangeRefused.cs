namespace Enki.Domain.Incidents;

/// <summary>A message asks for a change the incident's rules forbid; the message goes to quarantine with this reason.</summary>
public sealed class IncidentChangeRefused(string reasonInFrench) : Exception(reasonInFrench);
