using Enki.Infrastructure.Nexsis.Nomenclature;

namespace Enki.Web.Components.Incidents.Shared;

/// <summary>A nature family (C01..C11) with its French label and the colour that marks it everywhere (list, chart, map).</summary>
public sealed record NatureFamily(string Code, string Label, string Colour)
{
    /// <summary>Black or white, whichever reads better on <see cref="Colour"/>.</summary>
    public string TextColour
    {
        get
        {
            var rgb = Convert.FromHexString(Colour.TrimStart('#'));
            var luminance = (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255;
            return luminance > 0.55 ? "#000000" : "#ffffff";
        }
    }
}

/// <summary>
/// The eleven NexSIS nature families. Labels come from the embedded code list; colours are the
/// Okabe-Ito palette completed with Paul Tol's muted colours, told apart with the common
/// colour-vision deficiencies. The map receives them from here: one palette for the whole console.
/// </summary>
public static class NatureFamilies
{
    private static readonly (string Code, string Colour)[] Palette =
    [
        ("C01", "#E69F00"), ("C02", "#56B4E9"), ("C03", "#009E73"), ("C04", "#D55E00"), ("C05", "#882255"),
        ("C06", "#332288"), ("C07", "#999933"), ("C08", "#0072B2"), ("C09", "#CC79A7"), ("C10", "#44AA99"),
        ("C11", "#7A7A7A"),
    ];

    public static IReadOnlyList<NatureFamily> All { get; } = Palette
        .Select(p => new NatureFamily(p.Code, NexsisNomenclature.NatureOfFact($"{p.Code}.00.00")?.Label ?? p.Code, p.Colour))
        .ToList();

    public static NatureFamily Of(string? code) =>
        All.FirstOrDefault(f => f.Code == code) ?? new NatureFamily(code ?? "?", code ?? "Nature inconnue", "#616161");
}
