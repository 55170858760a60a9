using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Persistence;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// Everything a fact source needs: the store, the real incidents of the territory the viewer sees (and their
/// opening pre-aggregate and its national and department levels, the coverage, resource (and its national and department levels), victims changes and touched communes
/// pre-aggregates, the grid's national level, when the territory has them), the request, its buckets.
/// </summary>
internal sealed record IndicatorFactQuery(EnkiDbContext Db, IQueryable<Incident> Real, IndicatorRequest Request, TimeBuckets Buckets,
    IQueryable<OpenedHour>? Hours = null, IQueryable<OpenedNationalHour>? NationalHours = null, IQueryable<OpenedDepartmentDay>? DepartmentDays = null,
    IQueryable<CoverageHour>? CoverageHours = null, IQueryable<ResourceHour>? ResourceHours = null, IQueryable<VictimChange>? VictimChanges = null,
    IQueryable<TouchedDepartmentDay>? TouchedDays = null, IQueryable<ResourceNationalHour>? ResourceNationalHours = null,
    IQueryable<ResourceDepartmentDay>? ResourceDepartmentDays = null, IQueryable<CoverageNationalHour>? CoverageNationalHours = null,
    IQueryable<GridNationalHour>? GridNationalHours = null)
{
    /// <summary>
    /// How far a sender's clock may stand from Enki's receipt: incidents received up to this long before a
    /// period are read for what their senders dated inside it.
    /// </summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromDays(1);

    // Times are stored in UTC and compared as ticks on SQLite: a bound with another offset would shift the window.
    public DateTimeOffset From => Request.From.ToUniversalTime();

    public DateTimeOffset To => Request.To.ToUniversalTime();

    /// <summary>The instants of a state (« en cours », victims known): the end of each bucket for a series, labelled by its start; else the end of the period.</summary>
    public IReadOnlyList<(DateTimeOffset Label, DateTimeOffset At)> Instants => Series
        ? [.. Buckets.Buckets.Select(b => (b.Start, b.End.ToUniversalTime()))]
        : [(Request.From, To)];

    /// <summary>One fact per thing counted is needed only for a series; other views group in the database.</summary>
    public bool Series => Request.Representation is IndicatorRepresentation.TimeSeries or IndicatorRepresentation.CategorySeries;
}
