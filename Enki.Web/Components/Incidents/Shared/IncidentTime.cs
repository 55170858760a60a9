using System.Globalization;
using Enki.Domain.Geography;

namespace Enki.Web.Components.Incidents.Shared;

/// <summary>Instants stored in UTC, shown in the incident's own territory time (overseas is not on Paris time).</summary>
public static class IncidentTime
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 28/11/2026 10:05 » in the department's time.</summary>
    public static string Format(DateTimeOffset instant, string? departmentCode) =>
        TerritoryClock.Local(instant, departmentCode).ToString("dd/MM/yyyy HH:mm", French);

    /// <summary>« 10:05 » for today's rows, the full date otherwise: a crisis room reads the hour first.</summary>
    public static string Short(DateTimeOffset instant, string? departmentCode, DateTimeOffset now)
    {
        var local = TerritoryClock.Local(instant, departmentCode);
        return local.Date == TerritoryClock.Local(now, departmentCode).Date
            ? local.ToString("HH:mm", French)
            : local.ToString("dd/MM HH:mm", French);
    }

    /// <summary>True outside metropolitan time, where the time zone must be spelled out.</summary>
    public static bool IsOverseas(string? departmentCode) =>
        TerritoryClock.ZoneOf(departmentCode).Id != TerritoryClock.ZoneOf(null).Id;

    /// <summary>« heure de La Réunion (UTC+04:00) », or null in metropolitan France.</summary>
    public static string? ZoneLabel(string? departmentCode, string? territoryName, DateTimeOffset instant)
    {
        if (!IsOverseas(departmentCode)) return null;
        var offset = TerritoryClock.Local(instant, departmentCode).Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"heure de {territoryName ?? departmentCode} (UTC{sign}{offset.Duration():hh\\:mm})";
    }
}
