using Enki.Domain.Crises;
using Enki.Domain.Geography;

namespace Enki.Web.Components.Crises;

/// <summary>Crisis times are stored in UTC and read in the local time of the crisis's territory (Paris, or overseas).</summary>
public static class CrisisTime
{
    public static string? DepartmentOf(Crisis crisis) => crisis.Territories.FirstOrDefault()?.DepartmentCode;

    public static string Format(DateTimeOffset instant, Crisis crisis, string format = "dd/MM/yyyy HH:mm") =>
        TerritoryTime.Local(instant, DepartmentOf(crisis)).ToString(format);

    /// <summary>A wall-clock time typed in a form, read in the territory's time zone.</summary>
    public static DateTimeOffset FromLocal(DateTime local, string? departmentCode)
    {
        var zone = TerritoryTime.ZoneOf(departmentCode);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static DateTime ToLocal(DateTimeOffset instant, string? departmentCode) =>
        TerritoryTime.Local(instant, departmentCode).DateTime;
}
