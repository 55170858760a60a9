using Enki.Domain.Intake.Nomenclature;

namespace Enki.Web.Components.Incidents.Shared;

/// <summary>A nature family (C01..C11) with its French label and the colour that marks it everywhere.</summary>
public sealed record NatureFamily(string Code, string Label, string Colour);

/// <summary>
/// The eleven NexSIS nature families. Labels come from the embedded code list; colours are dark
/// enough for white text in both themes and tell fire (red) from road (blue) at a glance.
/// </summary>
public static class NatureFamilies
{
    private static readonly (string Code, string Colour)[] Palette =
    [
        ("C01", "#1565C0"), ("C02", "#6A1B9A"), ("C03", "#5D4037"), ("C04", "#C62828"), ("C05", "#D84315"),
        ("C06", "#455A64"), ("C07", "#283593"), ("C08", "#2E7D32"), ("C09", "#00695C"), ("C10", "#AD1457"),
        ("C11", "#616161"),
    ];

    public static IReadOnlyList<NatureFamily> All { get; } = Palette
        .Select(p => new NatureFamily(p.Code, NexsisNomenclature.NatureOfFact($"{p.Code}.00.00")?.Label ?? p.Code, p.Colour))
        .ToList();

    public static NatureFamily Of(string? code) =>
        All.FirstOrDefault(f => f.Code == code) ?? new NatureFamily(code ?? "?", code ?? "Nature inconnue", "#616161");
}
