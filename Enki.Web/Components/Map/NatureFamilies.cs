using System.Collections.Frozen;
using Enki.Domain.Intake.Nomenclature;

namespace Enki.Web.Components.Map;

/// <summary>French labels of the nature families C01..C11 (CISU nomenclature), for the map's legend and popups.</summary>
public static class NatureFamilies
{
    public static IReadOnlyDictionary<string, string> Labels { get; } = Enumerable.Range(1, 11)
        .Select(n => $"C{n:00}")
        .ToFrozenDictionary(code => code, code => NexsisNomenclature.Label(NomenclatureList.NatureOfFact, code + ".00.00") ?? code, StringComparer.Ordinal);
}
