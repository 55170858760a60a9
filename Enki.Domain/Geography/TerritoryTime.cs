namespace Enki.Domain.Geography;

/// <summary>
/// Times are stored in UTC and shown in the territory's own time: overseas departments are not on
/// Paris time.
/// </summary>
public static class TerritoryTime
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static readonly Dictionary<string, TimeZoneInfo> Overseas = new Dictionary<string, string>
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
    }.ToDictionary(p => p.Key, p => TimeZoneInfo.FindSystemTimeZoneById(p.Value));

    /// <summary>The time zone of a department (Paris for metropolitan France and when unknown).</summary>
    public static TimeZoneInfo ZoneOf(string? departmentCode) =>
        departmentCode is not null && Overseas.TryGetValue(departmentCode, out var zone) ? zone : Paris;

    public static DateTimeOffset Local(DateTimeOffset instant, string? departmentCode = null) =>
        TimeZoneInfo.ConvertTime(instant, ZoneOf(departmentCode));
}
