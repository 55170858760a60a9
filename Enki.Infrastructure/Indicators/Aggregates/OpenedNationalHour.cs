namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The real incidents opened in one hour (UTC) in all of France, by nature family, with their latest victims:
/// the national level of <see cref="OpenedHour"/> (a dozen rows an hour instead of one per commune), for the
/// national views that keep no place apart (a number, a series, a table). Recomputed with its hour of
/// <see cref="OpenedHour"/>, in the same transaction, and trusted for the same hours (<see cref="OpenedHourMark"/>).
/// </summary>
public sealed class OpenedNationalHour : OpenedCounts
{
    public DateTimeOffset Hour { get; set; }

    /// <summary><see cref="OpenedHour.NoFamily"/> for incidents without a nature family.</summary>
    public string NatureFamily { get; set; } = OpenedHour.NoFamily;

    /// <summary>An hour's national rows from its rows by commune.</summary>
    public static IEnumerable<OpenedNationalHour> Of(DateTimeOffset hour, IEnumerable<OpenedHour> byCommune) =>
        byCommune.GroupBy(h => h.NatureFamily).Select(g => Sum(new OpenedNationalHour { Hour = hour, NatureFamily = g.Key }, [.. g]));
}
