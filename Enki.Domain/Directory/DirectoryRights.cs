using Enki.Domain.Access;

namespace Enki.Domain.Directory;

/// <summary>Who may write the directory: administrators anywhere, a préfecture inside its own department.</summary>
public static class DirectoryRights
{
    public static bool CanEditAny(Viewer viewer) => viewer.IsAdministrator || viewer.Profile == Profile.Prefecture;

    /// <summary>For an existing organisation or the territory a new one would have.</summary>
    public static bool CanEdit(Viewer viewer, ILocatedInTerritory territory) =>
        viewer.IsAdministrator || (viewer.Profile == Profile.Prefecture && viewer.Covers(territory));

    public static string Refusal(Viewer viewer) => CanEditAny(viewer)
        ? "Cette organisation est hors de votre département : seule l'administration peut la modifier."
        : "Seuls l'administration et les préfectures peuvent modifier l'annuaire.";
}
