using System.Security.Claims;
using Enki.Domain.Access;

namespace Enki.Infrastructure.Access;

/// <summary>Claims Enki puts on a signed-in person or partner, and the <see cref="Viewer"/> read back from them.</summary>
public static class EnkiClaims
{
    public const string Profile = "enki:profile";
    public const string Jurisdiction = "enki:jurisdiction";
    public const string DisplayName = "enki:display_name";

    /// <summary>"utilisateur" for a person, "partenaire" for an API key.</summary>
    public const string CallerKind = "enki:caller";

    public const string PartnerCaller = "partenaire";

    /// <summary>The server-side session (<see cref="UserSessions"/>) a person's cookie belongs to.</summary>
    public const string Session = "enki:session";

    public static Viewer ToViewer(this ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? "";
        Profile? profile = Persistence.Storage.EnumStorage.Profile.TryParse(principal.FindFirstValue(Profile), out var p) ? p : null;
        // No readable jurisdiction means no access: an empty commune code covers nothing.
        var jurisdiction = Domain.Access.Jurisdiction.TryParse(principal.FindFirstValue(Jurisdiction), out var j)
            ? j
            : Domain.Access.Jurisdiction.Commune("-");
        return new Viewer(id, name, profile, jurisdiction);
    }
}
