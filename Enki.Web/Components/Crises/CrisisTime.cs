using Enki.Domain.Crises;
using Enki.Domain.Geography;

namespace Enki.Web.Components.Crises;

/// <summary>Crisis times are stored in UTC and read in the local time of the crisis's territory (Paris, or overseas).</summary>
public static class CrisisTime
{
    public static string? DepartmentOf(Crisis crisis) => crisis.Territories.FirstOrDefault()?.DepartmentCode;

    public static TimeZoneInfo ZoneOf(Crisis crisis) => TerritoryClock.ZoneOf(DepartmentOf(crisis));

    public static string Format(DateTimeOffset instant, Crisis crisis, string format = "dd/MM/yyyy HH:mm") =>
        TerritoryClock.Local(instant, DepartmentOf(crisis)).ToString(format);

    /// <summary>A wall-clock time typed in a form, read in the territory's time zone.</summary>
    public static DateTimeOffset FromLocal(DateTime local, string? departmentCode)
    {
        return TerritoryClock.FromLocal(local, TerritoryClock.ZoneOf(departmentCode));
    }

    public static DateTime ToLocal(DateTimeOffset instant, string? departmentCode) =>
        TerritoryClock.Local(instant, departmentCode).DateTime;
}
