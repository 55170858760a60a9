using Enki.Domain.Access;

namespace Enki.Domain.Geography;

/// <summary>
/// The one place where a territory's time zone is decided. Times are stored in UTC and shown in the
/// territory's own time: Paris for the national level and the metropolitan zones, its own for each
/// overseas department and zone (the Antilles on Martinique's time, where the zone has its seat).
/// </summary>
public static class TerritoryClock
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static readonly Dictionary<string, TimeZoneInfo> OverseasDepartments = Zones(new()
    {
        ["971"] = "America/Guadeloupe",
        ["972"] = "America/Martinique",
        ["973"] = "America/Cayenne",
        ["974"] = "Indian/Reunion",
        ["975"] = "America/Miquelon",
        ["976"] = "Indian/Mayotte",
        ["977"] = "America/St_Barthelemy",
        ["978"] = "America/Marigot",
        ["984"] = "Indian/Kerguelen",
        ["986"] = "Pacific/Wallis",
        ["987"] = "Pacific/Tahiti",
        ["988"] = "Pacific/Noumea",
    });

    // A defence zone keeps the time of its seat: Fort-de-France, Cayenne, Saint-Denis de La Réunion.
    private static readonly Dictionary<string, TimeZoneInfo> OverseasDefenceZones = Zones(new()
    {
        ["ANTILLES"] = "America/Martinique",
        ["GUYANE"] = "America/Cayenne",
        ["SOI"] = "Indian/Reunion",
    });

    /// <summary>The time zone of a department (Paris for metropolitan France and when unknown).</summary>
    public static TimeZoneInfo ZoneOf(string? departmentCode) =>
        departmentCode is not null && OverseasDepartments.TryGetValue(departmentCode, out var zone) ? zone : Paris;

    /// <summary>The departments whose time zone is not Paris's.</summary>
    public static IReadOnlyCollection<string> OverseasDepartmentCodes => OverseasDepartments.Keys;

    /// <summary>Every time zone a department lives in, Paris first.</summary>
    public static IReadOnlyList<TimeZoneInfo> DepartmentZones { get; } =
        [Paris, .. OverseasDepartments.Values.DistinctBy(z => z.Id).OrderBy(z => z.Id, StringComparer.Ordinal)];

    /// <summary>The time zone of a defence zone (Paris for the metropolitan ones).</summary>
    public static TimeZoneInfo ZoneOfDefenceZone(string? zoneCode) =>
        zoneCode is not null && OverseasDefenceZones.TryGetValue(zoneCode, out var zone) ? zone : Paris;

    /// <summary>The time zone a jurisdiction lives in: what its dashboard, lists, filters and forms all read.</summary>
    public static TimeZoneInfo ZoneOf(Jurisdiction scope, FrenchGeography geography) => scope.Kind switch
    {
        JurisdictionKind.Commune => ZoneOf(geography.FindCommune(scope.Code)?.DepartmentCode),
        JurisdictionKind.Department => ZoneOf(scope.Code),
        JurisdictionKind.Zone => ZoneOfDefenceZone(scope.Code),
        _ => Paris,
    };

    public static DateTimeOffset Local(DateTimeOffset instant, string? departmentCode = null) =>
        TimeZoneInfo.ConvertTime(instant, ZoneOf(departmentCode));

    public static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>A wall-clock time typed in a form, read in the given zone.</summary>
    public static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>True outside Paris time, where the time zone must be spelled out.</summary>
    public static bool IsOverseas(TimeZoneInfo zone) => zone.Id != Paris.Id;

    private static Dictionary<string, TimeZoneInfo> Zones(Dictionary<string, string> ids) =>
        ids.ToDictionary(p => p.Key, p => TimeZoneInfo.FindSystemTimeZoneById(p.Value));
}
