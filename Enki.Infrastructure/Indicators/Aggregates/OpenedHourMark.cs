namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// « This hour's <see cref="OpenedHour"/> rows may be out of date »: written in the same transaction as
/// the change to an incident opened in that hour, so a reader that sees the change sees the mark, and reads
/// that hour from the incidents. The refresh deletes only the marks it read (by id): a mark committed
/// meanwhile, even with an earlier time, survives to the next refresh.
/// </summary>
public sealed class OpenedHourMark
{
    /// <summary>
    /// The mark the migration that created the aggregate leaves (« every hour »): until the first refresh has
    /// marked each hour holding an incident, readers take nothing from the aggregate.
    /// </summary>
    public static readonly OpenedHourMark Everything = new()
    {
        Id = new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f00"),
        Hour = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>
    /// The mark the migration that created <see cref="ResourceHour"/> leaves: that pre-aggregate alone is built, in one pass over
    /// the incidents (its facts are dated by resource times, which no hour's mark of an opening covers); the « every hour » mark
    /// leaves it too. Never an hour the refresh rewrites: it is taken apart (<see cref="OpenedHourRefreshJob"/>).
    /// </summary>
    public static readonly OpenedHourMark ResourcesEverything = new()
    {
        Id = new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f05"),
        Hour = new DateTimeOffset(1900, 1, 2, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>
    /// The mark the migration that created <see cref="VictimChange"/> leaves: that pre-aggregate alone is built, in one pass over the
    /// victims reports, as <see cref="ResourcesEverything"/>. Never an hour the refresh rewrites either.
    /// </summary>
    public static readonly OpenedHourMark VictimsEverything = new()
    {
        Id = new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f06"),
        Hour = new DateTimeOffset(1900, 1, 3, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>
    /// The mark the migration that created <see cref="TouchedDepartmentDay"/> leaves: those rows alone are built, in one pass over the
    /// rows of <see cref="OpenedHour"/>, as <see cref="ResourcesEverything"/>. Never an hour the refresh rewrites either.
    /// </summary>
    public static readonly OpenedHourMark TouchedEverything = new()
    {
        Id = new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f07"),
        Hour = new DateTimeOffset(1900, 1, 4, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>
    /// The mark the migration that created <see cref="CoverageNationalHour"/> leaves: those rows alone are built, in one pass over the
    /// rows of <see cref="CoverageHour"/>, as <see cref="TouchedEverything"/>. Never an hour the refresh rewrites either.
    /// </summary>
    public static readonly OpenedHourMark CoverageNationalEverything = new()
    {
        Id = new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f08"),
        Hour = new DateTimeOffset(1900, 1, 5, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>
    /// The mark the migration that created <see cref="GridNationalHour"/> leaves: those rows alone are built, in one pass over the placed
    /// incidents, as <see cref="ResourcesEverything"/>. Never an hour the refresh rewrites either.
    /// </summary>
    public static readonly OpenedHourMark GridNationalEverything = new()
    {
        Id = new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f09"),
        Hour = new DateTimeOffset(1900, 1, 6, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>The marks of the pre-aggregates built apart: not hours to rewrite.</summary>
    public static readonly IReadOnlyList<OpenedHourMark> OwnFirstBuilds =
        [ResourcesEverything, VictimsEverything, TouchedEverything, CoverageNationalEverything, GridNationalEverything];

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTimeOffset Hour { get; set; }
}
