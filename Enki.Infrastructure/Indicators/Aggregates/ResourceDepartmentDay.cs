using Enki.Domain.Access;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The department level of <see cref="ResourceHour"/>: one UTC day's resources in one department by kind and exact fact, for the
/// views that keep no hour and no commune apart (a department map of the nation, a zone's or a department's number), as
/// <see cref="OpenedDepartmentDay"/> for the openings. A national department map of a year at 5 M incidents summed 1.2 M rows by
/// commune (0.3–0.5 s). Rewritten from its day's rows by commune in the same transaction as any of its hours (the refresh), or
/// with them (the first build, before its mark goes), and trusted only for the days none of whose hours is marked.
/// </summary>
public sealed class ResourceDepartmentDay : ILocatedInTerritory
{
    public DateTimeOffset Day { get; set; }

    public string DepartmentCode { get; set; } = "";

    public string ZoneCode { get; set; } = "";

    /// <inheritdoc cref="ResourceHour.Kind"/>
    public string Kind { get; set; } = "";

    /// <inheritdoc cref="ResourceHour.Released"/>
    public bool Released { get; set; }

    /// <inheritdoc cref="ResourceHour.DurationTicks"/>
    public long DurationTicks { get; set; }

    /// <summary>How many resources of the day, department and kind had exactly this fact.</summary>
    public int Resources { get; set; }

    /// <summary>No commune: never offered to a viewer or a territory narrower than a department.</summary>
    string? ILocatedInTerritory.CommuneCode => null;

    /// <summary>The department rows of rows by commune, each UTC day apart.</summary>
    public static IEnumerable<ResourceDepartmentDay> Of(IEnumerable<ResourceHour> byCommune) =>
        byCommune.GroupBy(h => (Day: OpenedDepartmentDay.DayOf(h.Hour), h.DepartmentCode, h.ZoneCode, h.Kind, h.Released, h.DurationTicks))
            .Select(g => new ResourceDepartmentDay
            {
                Day = g.Key.Day, DepartmentCode = g.Key.DepartmentCode, ZoneCode = g.Key.ZoneCode, Kind = g.Key.Kind, Released = g.Key.Released,
                DurationTicks = g.Key.DurationTicks, Resources = g.Sum(h => h.Resources),
            });
}
