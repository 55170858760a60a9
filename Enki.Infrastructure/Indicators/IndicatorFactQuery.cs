using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Persistence;

namespace Enki.Infrastructure.Indicators;

/// <summary>Everything a fact source needs: the store, the real incidents of the territory the viewer sees, the request, its buckets.</summary>
internal sealed record IndicatorFactQuery(EnkiDbContext Db, IQueryable<Incident> Real, IndicatorRequest Request, TimeBuckets Buckets)
{
    // Times are stored in UTC and compared as ticks on SQLite: a bound with another offset would shift the window.
    public DateTimeOffset From => Request.From.ToUniversalTime();

    public DateTimeOffset To => Request.To.ToUniversalTime();

    /// <summary>One fact per thing counted is needed only for a series; other views group in the database.</summary>
    public bool Series => Request.Representation == IndicatorRepresentation.TimeSeries;
}
