namespace Enki.Infrastructure.Nexsis.Nomenclature;

/// <summary>
/// A code of a hierarchical CISU list with its French label and the labels of its ancestors:
/// <c>C04.02.01</c> « Bâtiment d’habitation », group <c>C04.02.00</c> « Incendie d'un bâtiment / local »,
/// family <c>C04.00.00</c> « Incendie ».
/// </summary>
public sealed record CodedLabel(
    string Code,
    string Label,
    string? FamilyCode,
    string? FamilyLabel,
    string? GroupCode,
    string? GroupLabel)
{
    /// <summary>Family, group and own label joined with « › », skipping the levels equal to this code.</summary>
    public string FullLabel => string.Join(" › ", new[] { FamilyLabel, GroupLabel, Label }.Where(l => l is not null));
}
