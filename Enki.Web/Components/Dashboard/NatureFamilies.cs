using Enki.Domain.Intake.Nomenclature;

namespace Enki.Web.Components.Dashboard;

/// <summary>French labels of the nature families C01..C11 (CISU code list), for legends and filters.</summary>
public static class NatureFamilies
{
    public static readonly IReadOnlyList<string> Codes = Enumerable.Range(1, 11).Select(i => $"C{i:00}").ToList();

    public static string Label(string family) =>
        NexsisNomenclature.NatureOfFact($"{family}.00.00")?.Label ?? family;
}
