using Enki.Domain.Access;
using Enki.Domain.History;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.History;

/// <summary>
/// The situation at a past instant, read from the stream of what happened (every incident event keeps
/// when it happened and when Enki recorded it), narrowed to the viewer's jurisdiction like every read.
/// Exercises are left out: real and exercise data never mix.
/// </summary>
public sealed class PastSituationQueries(IDbContextFactory<EnkiDbContext> dbFactory)
{
    public async Task<IReadOnlyList<IncidentThen>> OpenAtAsync(Viewer viewer, DateTimeOffset instant, HistoryClock clock, CancellationToken cancellationToken = default)
    {
        var utc = instant.ToUniversalTime();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Events.AsNoTracking().Within(viewer).Where(e => !e.IsExercise && e.Type.StartsWith("incident."));
        rows = clock == HistoryClock.AsKnown ? rows.Where(e => e.RecordedAt <= utc) : rows.Where(e => e.OccurredAt <= utc);
        var events = await rows.OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var past = events.Select(EventCatalog.Read)
            .Where(r => r?.Event is IncidentEvent)
            .Select(r => new PastEvent(r!.Sequence, r.RecordedAt, (IncidentEvent)r.Event));
        return PastSituation.OpenAt(past, utc, clock);
    }
}
