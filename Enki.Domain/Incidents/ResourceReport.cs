namespace Enki.Domain.Incidents;

/// <summary>A resource a sender engaged on an incident, and the status it reports for it.</summary>
/// <param name="Kind">Vehicle type or class, as the sender names it.</param>
/// <param name="Releases">The status sets the resource free (back at base, cancelled, available).</param>
public sealed record ResourceReport(
    string ResourceId, string Name, string? Kind, string? Organisation, ResourceStatusChange Status, bool Releases = false);
