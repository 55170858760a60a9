namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The national level of <see cref="ResourceHour"/>: one hour's resources in all of France by kind and exact fact, with no place (a few
/// rows an hour instead of one per commune and kind), for the national views that keep no place apart (a number, a series, a table).
/// A national year at 5 M incidents read 1.2 M rows by commune for « moyens engagés » (0.3–1 s). Written with its hour's rows by
/// commune (the refresh, in the same transaction; the first build, before its mark goes), and trusted for the same hours.
/// </summary>
public sealed class ResourceNationalHour
{
    public DateTimeOffset Hour { get; set; }

    /// <inheritdoc cref="ResourceHour.Kind"/>
    public string Kind { get; set; } = "";

    /// <inheritdoc cref="ResourceHour.Released"/>
    public bool Released { get; set; }

    /// <inheritdoc cref="ResourceHour.DurationTicks"/>
    public long DurationTicks { get; set; }

    /// <summary>How many resources of all of France had exactly this fact in the hour.</summary>
    public int Resources { get; set; }

    /// <summary>The national rows of rows by commune, each hour apart.</summary>
    public static IEnumerable<ResourceNationalHour> Of(IEnumerable<ResourceHour> byCommune) =>
        byCommune.GroupBy(h => (h.Hour, h.Kind, h.Released, h.DurationTicks)).Select(g => new ResourceNationalHour
        {
            Hour = g.Key.Hour, Kind = g.Key.Kind, Released = g.Key.Released, DurationTicks = g.Key.DurationTicks, Resources = g.Sum(h => h.Resources),
        });
}
