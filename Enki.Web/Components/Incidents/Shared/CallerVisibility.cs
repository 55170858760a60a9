using Enki.Domain.Access;

namespace Enki.Web.Components.Incidents.Shared;

/// <summary>
/// Callers' names and phone numbers are personal data the SDIS needs to call back; nobody else
/// (mayors, prefectures, national centres, administrators) has a use for them.
/// </summary>
public static class CallerVisibility
{
    public const string ReservedNotice = "Coordonnées de l'appelant réservées au SDIS";

    public static bool CanSeeCaller(this Viewer viewer) => viewer.Profile == Profile.Sdis;
}
