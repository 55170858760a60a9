using System.Diagnostics.CodeAnalysis;

namespace Enki.Domain.Access;

public enum JurisdictionKind
{
    National,
    Zone,
    Department,
    Commune,
}

/// <summary>
/// The territory a person or partner answers for. Text form: <c>national</c>, <c>zone:PARIS</c>,
/// <c>departement:77</c>, <c>commune:77108</c>.
/// </summary>
public sealed record Jurisdiction
{
    private Jurisdiction(JurisdictionKind kind, string? code)
    {
        Kind = kind;
        Code = code;
    }

    public JurisdictionKind Kind { get; }

    /// <summary>Zone code, department code or commune INSEE code; null for national.</summary>
    public string? Code { get; }

    public static Jurisdiction National { get; } = new(JurisdictionKind.National, null);

    public static Jurisdiction Zone(string code) => Of(JurisdictionKind.Zone, code);

    public static Jurisdiction Department(string code) => Of(JurisdictionKind.Department, code);

    public static Jurisdiction Commune(string insee) => Of(JurisdictionKind.Commune, insee);

    public static Jurisdiction Of(JurisdictionKind kind, string? code)
    {
        if (kind == JurisdictionKind.National) return National;
        if (string.IsNullOrWhiteSpace(code)) throw new ArgumentException($"Un code est requis pour « {kind} ».", nameof(code));
        // Zone codes are upper-case names; department codes (2A, 2B) too.
        return new Jurisdiction(kind, code.Trim().ToUpperInvariant());
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out Jurisdiction? jurisdiction)
    {
        jurisdiction = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var value = text.Trim();
        if (value.Equals("national", StringComparison.OrdinalIgnoreCase))
        {
            jurisdiction = National;
            return true;
        }
        var colon = value.IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1) return false;
        var code = value[(colon + 1)..].Trim();
        JurisdictionKind? kind = value[..colon].Trim().ToLowerInvariant() switch
        {
            "zone" => JurisdictionKind.Zone,
            "departement" or "département" => JurisdictionKind.Department,
            "commune" => JurisdictionKind.Commune,
            _ => null,
        };
        if (kind is null || code.Length == 0 || code.Any(char.IsWhiteSpace)) return false;
        jurisdiction = Of(kind.Value, code);
        return true;
    }

    public static Jurisdiction Parse(string text) =>
        TryParse(text, out var jurisdiction)
            ? jurisdiction
            : throw new FormatException($"Périmètre illisible : « {text} » (attendu national, zone:CODE, departement:CODE ou commune:INSEE).");

    public override string ToString() => Kind switch
    {
        JurisdictionKind.National => "national",
        JurisdictionKind.Zone => $"zone:{Code}",
        JurisdictionKind.Department => $"departement:{Code}",
        _ => $"commune:{Code}",
    };

    /// <summary>French label for the app bar and lists.</summary>
    public string Label => Kind switch
    {
        JurisdictionKind.National => "National",
        JurisdictionKind.Zone => $"Zone {Code}",
        JurisdictionKind.Department => $"Département {Code}",
        _ => $"Commune {Code}",
    };

    /// <summary>
    /// True when <paramref name="inner"/> lies wholly inside this jurisdiction (a zone includes its
    /// departments and their communes): how far down a person may look.
    /// </summary>
    public bool Includes(Jurisdiction inner, ITerritoryDirectory directory) =>
        inner == this || (Exists(inner, directory) && Covers(Territory.Of(inner, directory)));

    /// <summary>True when the territory it names is in the reference geography (<c>commune:99999</c> is not).</summary>
    public static bool Exists(Jurisdiction jurisdiction, ITerritoryDirectory directory) => jurisdiction.Kind switch
    {
        JurisdictionKind.National => true,
        JurisdictionKind.Zone => directory.ZoneExists(jurisdiction.Code!),
        JurisdictionKind.Department => directory.DepartmentExists(jurisdiction.Code!),
        _ => directory.CommuneExists(jurisdiction.Code!),
    };

    /// <summary>True when the located object lies inside this jurisdiction.</summary>
    public bool Covers(ILocatedInTerritory located) => Kind switch
    {
        JurisdictionKind.National => true,
        JurisdictionKind.Zone => located.ZoneCode == Code,
        JurisdictionKind.Department => located.DepartmentCode == Code,
        _ => located.CommuneCode == Code,
    };
}
