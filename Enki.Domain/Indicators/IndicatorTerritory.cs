using System.Diagnostics.CodeAnalysis;
using Enki.Domain.Access;

namespace Enki.Domain.Indicators;

/// <summary>
/// The territory an indicator is computed over: a jurisdiction's form (<c>national</c>, <c>zone:PARIS</c>,
/// <c>departement:77</c>, <c>commune:77108</c>) or a crisis's territory (<c>crise:{id}</c>).
/// </summary>
public sealed record IndicatorTerritory(Jurisdiction? Jurisdiction, Guid? CrisisId)
{
    public const string CrisisPrefix = "crise:";

    public static IndicatorTerritory Of(Jurisdiction jurisdiction) => new(jurisdiction, null);

    public static IndicatorTerritory OfCrisis(Guid id) => new(null, id);

    public static bool TryParse(string? text, [NotNullWhen(true)] out IndicatorTerritory? territory)
    {
        territory = null;
        var value = text?.Trim();
        if (value is not null && value.StartsWith(CrisisPrefix, StringComparison.OrdinalIgnoreCase))
        {
            if (!Guid.TryParse(value[CrisisPrefix.Length..], out var id)) return false;
            territory = OfCrisis(id);
            return true;
        }
        if (!Access.Jurisdiction.TryParse(value, out var jurisdiction)) return false;
        territory = Of(jurisdiction);
        return true;
    }

    public override string ToString() => CrisisId is { } id ? CrisisPrefix + id : Jurisdiction!.ToString();
}
