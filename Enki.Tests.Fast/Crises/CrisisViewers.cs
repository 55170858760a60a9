using Enki.Domain.Access;

namespace Enki.Tests.Crises;

/// <summary>The demo accounts as viewers.</summary>
internal static class CrisisViewers
{
    public static readonly Viewer Sdis77 = new("sdis77", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
    public static readonly Viewer Prefecture77 = new("prefecture77", "Préfecture 77", Profile.Prefecture, Jurisdiction.Department("77"));
    public static readonly Viewer CozParis = new("coz-paris", "COZ Paris", Profile.Coz, Jurisdiction.Zone("PARIS"));
    public static readonly Viewer Cogic = new("cogic", "COGIC", Profile.Cogic, Jurisdiction.National);
    public static readonly Viewer Admin = new("admin", "Administrateur", Profile.Administrator, Jurisdiction.National);
    public static readonly Viewer MayorOfChelles = new("maire-chelles", "Maire de Chelles", Profile.Mayor, Jurisdiction.Commune("77108"));
    public static readonly Viewer MayorOfGuichen = new("maire-guichen", "Maire de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"));
    public static readonly Viewer Partner = new("partenaire", "Partenaire", null, Jurisdiction.Department("77"));
}
