using System.Globalization;
using Enki.Domain.Geography;
using Enki.Infrastructure.Nexsis.Nomenclature;

namespace Enki.Simulator;

/// <summary>A fire brigade (SDIS) of a department, as it signs its NexSIS messages.</summary>
public sealed record SimulatedBrigade(string DepartmentCode)
{
    /// <summary><c>fr.fire.SDIS77</c>: the organisation part of case ids.</summary>
    public string OrganisationId => $"fr.fire.SDIS{DepartmentCode}";

    /// <summary>The EDXL-DE sender: the brigade's alert handling (CTA-CODIS).</summary>
    public string SenderId => $"{OrganisationId}.cga";

    /// <summary>Name read by people.</summary>
    public string Name => $"CTA-CODIS {DepartmentCode}";
}

/// <summary>An engine sent to an incident.</summary>
public sealed record SimulatedResource(
    string ResourceId,
    string Name,
    string VehicleType,
    string CentreName,
    double BaseLatitude,
    double BaseLongitude);

/// <summary>Victims by triage colour at a moment of an incident.</summary>
public sealed record SimulatedCasualties(int Red, int Yellow, int Green, int Black)
{
    public static readonly SimulatedCasualties None = new(0, 0, 0, 0);

    public int Total => Red + Yellow + Green + Black;
}

/// <summary>Everything fixed when an incident starts; the planner derives its messages from it.</summary>
public sealed record SimulatedIncident(
    ScenarioDefinition Scenario,
    NatureProfile Nature,
    bool Major,
    SimulatedBrigade Brigade,
    string SenderCaseId,
    Commune Commune,
    string InseeCodeAsSent,
    double Latitude,
    double Longitude,
    string StreetNumber,
    string StreetName,
    string Description,
    DateTimeOffset ReceivedAt,
    bool Exercise,
    bool SentAsXml,
    SimulatedCasualties Casualties,
    int Evacuated,
    int Displaced,
    int Scale)
{
    /// <summary><c>{country}.{domain}.{organisation}.{sender case id}</c>, as RC-RI and EMSI refer to it.</summary>
    public string CaseId => $"{Brigade.OrganisationId}.{SenderCaseId}";

    public DateTimeOffset CreatedAt => ReceivedAt.AddMinutes(1);

    /// <summary>« 12 rue de la République ».</summary>
    public string Address => $"{StreetNumber} {StreetName}";

    public string NatureLabel => NexsisNomenclature.Label(NomenclatureList.NatureOfFact, Nature.Code) ?? Nature.Code;

    public string LocationKindLabel => NexsisNomenclature.Label(NomenclatureList.LocationKind, Nature.LocationKindCode) ?? Nature.LocationKindCode;

    /// <summary>RC-EDA victim count word at the first call.</summary>
    public string VictimCountWord => Casualties.Total switch
    {
        0 => "0",
        1 => "1",
        < 6 => "PLUSIEURS",
        _ => "BEAUCOUP",
    };
}

/// <summary>Formatting shared by the composers: Paris local time with its offset, invariant numbers.</summary>
public static class SimulationFormat
{
    /// <summary><c>2026-03-14T09:05:00+01:00</c>: the way NexSIS writes its dates.</summary>
    public static string Time(DateTimeOffset instant) =>
        TerritoryClock.Local(instant, TerritoryClock.Paris).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The local date of the instant in Paris (case numbers are per day).</summary>
    public static DateTime LocalDate(DateTimeOffset instant) => TerritoryClock.Local(instant, TerritoryClock.Paris).Date;

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
