namespace Enki.Domain.Vigilance;

/// <summary>
/// One vigilance as a source published it, once its area is mapped: a department for Météo-France, a river
/// section (tronçon) cut by department for Vigicrues, with the communes it crosses there.
/// </summary>
/// <param name="AreaCode">The source's own code: Météo-France's <c>domain_id</c> (« 35 », « 3510 » for its coast), Vigicrues' section code.</param>
/// <param name="DepartmentCode">The department it falls in; null when the area is not one Enki knows (kept, shown nationally).</param>
/// <param name="PhenomenonLabel">Its name in French, or the source's own id for an unknown phenomenon.</param>
/// <param name="Day">0 for today (échéance J), 1 for tomorrow (J1).</param>
/// <param name="CommuneCodes">Communes a river section crosses in the department; empty for a department-wide vigilance.</param>
public sealed record VigilanceReading(
    VigilanceSource Source,
    string AreaCode,
    string AreaLabel,
    string? DepartmentCode,
    VigilancePhenomenon Phenomenon,
    string PhenomenonLabel,
    int Day,
    VigilanceColour Colour,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    IReadOnlyList<string> CommuneCodes)
{
    /// <summary>What tells two readings of the same vigilance apart from two vigilances.</summary>
    public string Key => VigilanceKey.Of(Source, AreaCode, DepartmentCode, PhenomenonLabel, Day);
}

public static class VigilanceKey
{
    public static string Of(VigilanceSource source, string areaCode, string? departmentCode, string phenomenonLabel, int day) =>
        $"{source}|{areaCode}|{departmentCode}|{phenomenonLabel}|{day}";
}
