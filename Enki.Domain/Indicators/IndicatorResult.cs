namespace Enki.Domain.Indicators;

/// <summary>
/// One line of an indicator: a bucket of a series, an area of a map, a category of a table, or the
/// single figure. <see cref="Values"/> follow the definition's measures; null when not measurable
/// (a median of nothing, a rate without population).
/// </summary>
public sealed record IndicatorRow(
    DateTimeOffset? At,
    string? Area,
    string? AreaName,
    string? Category,
    string? CategoryLabel,
    IReadOnlyList<double?> Values);

/// <summary>An indicator computed over a territory and a period, in one representation.</summary>
/// <param name="Territory">The territory as asked (<c>departement:77</c>, <c>crise:…</c>).</param>
/// <param name="TimeZone">IANA name of the zone the hours and days are read in.</param>
/// <param name="Category">The category the figures were narrowed to, when one was asked.</param>
public sealed record IndicatorResult(
    IndicatorDefinition Definition,
    string Territory,
    string TerritoryLabel,
    DateTimeOffset From,
    DateTimeOffset To,
    IndicatorStep Step,
    IndicatorRepresentation Representation,
    string TimeZone,
    string? Category,
    IReadOnlyList<IndicatorRow> Rows);

/// <summary>
/// One thing counted, before grouping: where and when it happened, its category, and its values (1 for
/// a count; minutes for a duration, several for a duration split in parts), and the grid square of its place when a grid is asked.
/// A distribution's fact may stand for several things measured with the same values (<paramref name="Times"/>: a pre-aggregate's row),
/// or for things measured with the same value in one part only, the others NaN (a pre-aggregate summed part by part).
/// </summary>
public sealed record IndicatorFact(
    DateTimeOffset At, string CommuneCode, string DepartmentCode, string? Category, IReadOnlyList<double> Values, string? Square = null, long Times = 1)
{
    /// <summary>The commune code of a fact that stands for several communes already counted apart (<see cref="Touched"/>).</summary>
    public const string SeveralCommunes = "*";

    public static IndicatorFact One(DateTimeOffset at, string communeCode, string departmentCode, string? category) =>
        new(at, communeCode, departmentCode, category, [1]);

    /// <summary>
    /// For « population touchée »: communes of one department touched in one bucket, summed where they were found (a
    /// pre-aggregate's day), distinct from the communes of every other fact of the same bucket: <c>[population, communes]</c>.
    /// </summary>
    public static IndicatorFact Touched(DateTimeOffset at, string departmentCode, long population, int communes) =>
        new(at, SeveralCommunes, departmentCode, null, [population, communes]);
}
