namespace Enki.Domain.Incidents;

/// <summary>
/// The person who called about an incident: personal data, kept apart from the incident so that
/// only the profiles that need it see it (<see cref="Access.AccessPolicy"/>).
/// </summary>
/// <param name="CallerType">Who the caller is for the case, as the sender wrote it (e.g. TIERS, FAMILLE).</param>
/// <param name="Relation">The caller's relation to the victims, in the sender's words (e.g. « Voisine »).</param>
public sealed record CallerContact(
    string? FullName,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? CallbackPhone,
    string? CallerType,
    string? Relation,
    string? Language);
