using Enki.Domain.Access;
using Enki.Domain.Events;

namespace Enki.Domain.Vigilance;

/// <summary>What a vigilance event says of its vigilance: enough for the rules and the screens.</summary>
public sealed record VigilanceSubject(
    Guid VigilanceId, VigilanceSource Source, string AreaCode, string AreaLabel, string? DepartmentCode, string? ZoneCode,
    VigilancePhenomenon Phenomenon, string PhenomenonLabel, int Day, VigilanceColour Colour, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo,
    IReadOnlyList<string> CommuneCodes)
{
    /// <summary>« Vent violent orange (35) », « Crues rouge : Seine moyenne (77) », « … demain » for J1.</summary>
    public string Words
    {
        get
        {
            var area = Source == VigilanceSource.Vigicrues ? $" : {AreaLabel}" : "";
            var where = DepartmentCode is null ? "" : $" ({DepartmentCode})";
            return $"{PhenomenonLabel} {Colour.French()}{area}{where}{(Day == 1 ? " demain" : "")}";
        }
    }

    /// <summary>Whether a place lies under this vigilance: its department, and for a river section one of its communes.</summary>
    public bool Concerns(string? departmentCode, string? communeCode) =>
        departmentCode is not null && departmentCode == DepartmentCode
        && (communeCode is null || CommuneCodes.Count == 0 || CommuneCodes.Contains(communeCode));
}

/// <summary>A vigilance changed colour (a first reading counts as a change from green).</summary>
public sealed record VigilanceChanged(VigilanceSubject Vigilance, DateTimeOffset OccurredAt, VigilanceColour Previous) : DomainEvent(OccurredAt)
{
    public override ILocatedInTerritory Territory() => new Territory(null, Vigilance.DepartmentCode, Vigilance.ZoneCode);

    public override Guid? SubjectId() => Vigilance.VigilanceId;

    /// <summary>True when the colour rose to <paramref name="threshold"/> or above from below it.</summary>
    public bool Reaches(VigilanceColour threshold) => Vigilance.Colour >= threshold && Previous < threshold;
}
