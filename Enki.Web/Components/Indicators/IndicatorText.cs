using System.Globalization;
using Enki.Domain.Geography;
using Enki.Domain.Indicators;

namespace Enki.Web.Components.Indicators;

/// <summary>How the page writes an indicator's figures and times, in French.</summary>
public static class IndicatorText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 12 », « 13,5 », « — » when not measurable.</summary>
    public static string Number(double? value) => value is { } v ? ChoroplethClasses.Format(v) : "—";

    public static string Value(double? value, string unit) => value is null ? "—" : string.IsNullOrEmpty(unit) ? Number(value) : $"{Number(value)} {unit}";

    /// <summary>A bucket's start in the territory's local time: « 28/11 14h » by hour, « 28/11/2026 » by day.</summary>
    public static string Bucket(DateTimeOffset at, IndicatorStep step, TimeZoneInfo zone)
    {
        var local = TerritoryClock.Local(at, zone);
        return step == IndicatorStep.Hour ? local.ToString("dd/MM HH'h'", French) : local.ToString("dd/MM/yyyy", French);
    }

    public static string Period(IndicatorResult result, TimeZoneInfo zone) =>
        $"du {TerritoryClock.Local(result.From, zone).ToString("dd/MM/yyyy HH:mm", French)} au {TerritoryClock.Local(result.To, zone).ToString("dd/MM/yyyy HH:mm", French)}";

    /// <summary>The zone a result's hours are read in.</summary>
    public static TimeZoneInfo Zone(IndicatorResult result) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(result.TimeZone, out var zone) ? zone : TerritoryClock.Paris;
}
