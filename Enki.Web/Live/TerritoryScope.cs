using Enki.Domain.Access;

namespace Enki.Web.Live;

/// <summary>
/// The territory a page looks at, carried in its address (<c>/tableau-de-bord/departement/77</c>)
/// so a view can be bookmarked and shared. A person may look anywhere inside their jurisdiction
/// (a zone officer down to any commune of the zone), nowhere else.
/// </summary>
public sealed class TerritoryScope(ITerritoryDirectory territories)
{
    /// <summary>The scope named by route segments, or null when it does not exist.</summary>
    public static Jurisdiction? Parse(string? kind, string? code) => kind?.ToLowerInvariant() switch
    {
        null or "" or "national" when string.IsNullOrEmpty(code) => Jurisdiction.National,
        "zone" or "departement" or "commune" when !string.IsNullOrWhiteSpace(code)
            && Jurisdiction.TryParse($"{kind}:{code}", out var jurisdiction) => jurisdiction,
        _ => null,
    };

    /// <summary>Route segments of a scope: <c>national</c>, <c>zone/PARIS</c>, <c>departement/77</c>, <c>commune/77108</c>.</summary>
    public static string Segments(Jurisdiction scope) => scope.Kind switch
    {
        JurisdictionKind.National => "national",
        JurisdictionKind.Zone => $"zone/{scope.Code}",
        JurisdictionKind.Department => $"departement/{scope.Code}",
        _ => $"commune/{scope.Code}",
    };

    /// <summary>The scope if the viewer may look at it; null otherwise (the page answers "not found").</summary>
    public Jurisdiction? Resolve(Viewer viewer, string? kind, string? code) =>
        Parse(kind, code) is { } scope && viewer.Jurisdiction.Includes(scope, territories) ? scope : null;

    public string Describe(Jurisdiction scope) => territories.Describe(scope);
}
