using System.Linq.Expressions;
using Enki.Domain.Incidents;

namespace Enki.Domain.Access;

/// <summary>What a page may show of a caller: their contact, or only that it is reserved.</summary>
/// <param name="Contact">The caller's contact when disclosed; null when reserved or when NexSIS sent none.</param>
public sealed record CallerDisclosure(bool Reserved, CallerContact? Contact)
{
    public const string ReservedNotice = "Coordonnées de l'appelant réservées au SDIS";

    public static CallerDisclosure Withheld { get; } = new(true, null);
}

public static partial class AccessPolicy
{
    /// <summary>Incidents (and anything located) a viewer reads: those inside their jurisdiction, as a query filter.</summary>
    public static Expression<Func<T, bool>> Located<T>(Viewer viewer) where T : ILocatedInTerritory =>
        JurisdictionFilter.For<T>(viewer.Jurisdiction);

    public static bool SeesIncident(Viewer viewer, ILocatedInTerritory incident) => viewer.Covers(incident);

    /// <summary>
    /// Callers' names and phone numbers are personal data the SDIS of the incident's territory needs to
    /// call back; nobody else (mayors, préfectures, national centres, administrators, partners) has a use for them.
    /// What is placed nowhere (a quarantined message with no known territory) shows them to no one.
    /// </summary>
    public static bool SeesCaller(Viewer viewer, ILocatedInTerritory? incident) =>
        viewer.Profile == Profile.Sdis && incident is not null
        && (incident.CommuneCode ?? incident.DepartmentCode ?? incident.ZoneCode) is not null
        && viewer.Covers(incident);

    /// <summary>The caller as this viewer may see it: the contact is never handed to a page that must not show it.</summary>
    public static CallerDisclosure Caller(Viewer viewer, ILocatedInTerritory incident, CallerContact? caller) =>
        SeesCaller(viewer, incident) ? new CallerDisclosure(false, caller) : CallerDisclosure.Withheld;
}
