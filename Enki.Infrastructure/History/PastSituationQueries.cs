using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.History;
using Enki.Domain.Incidents;
using Enki.Domain.Crises;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.History.Snapshots;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.History;

/// <summary>
/// The situation at a past instant, read from the stream of what happened (every incident event keeps
/// when it happened and when Enki recorded it), narrowed to the viewer's jurisdiction like every read: from the latest
/// snapshot before the instant and the events after it (<see cref="SnapshotReplay"/>), or the whole stream when none serves.
/// Exercises are left out: real and exercise data never mix.
/// </summary>
public sealed class PastSituationQueries(IDbContextFactory<EnkiDbContext> dbFactory, FrenchGeography geography)
{
    /// <summary>Figures kept for screens asking the same past: a few per replay running (each step is a new instant).</summary>
    public const int SharedFiguresKept = 256;

    private readonly SharedAnswers<FiguresAsked, ReadFigures> _figures = new(SharedFiguresKept);

    /// <summary>The incidents open at the instant in the viewer's jurisdiction.</summary>
    public async Task<IReadOnlyList<IncidentThen>> OpenAtAsync(Viewer viewer, DateTimeOffset instant, HistoryClock clock, CancellationToken cancellationToken = default) =>
        [.. (await KnownAtAsync(viewer, viewer.Jurisdiction, instant, clock, cancellationToken)).Where(i => i.IsOpen)];

    /// <summary>
    /// Every incident of <paramref name="scope"/> opened by the instant (closed ones included), as last
    /// reported before it. The scope is narrowed to the viewer's jurisdiction as well: a scope outside it shows nothing.
    /// </summary>
    public Task<IReadOnlyList<IncidentThen>> KnownAtAsync(Viewer viewer, Jurisdiction scope, DateTimeOffset instant, HistoryClock clock,
        CancellationToken cancellationToken = default) =>
        KnownAtAsync(viewer, scope, instant, clock, exercise: false, cancellationToken);

    /// <param name="exercise">The exercise's own traffic (an exercise crisis replayed) rather than real incidents: never both.</param>
    /// <param name="closedSince">Closed cases opened from then on are needed; by default those of the 24 hours before the instant.</param>
    private async Task<IReadOnlyList<IncidentThen>> KnownAtAsync(Viewer viewer, Jurisdiction scope, DateTimeOffset instant, HistoryClock clock,
        bool exercise, CancellationToken cancellationToken, DateTimeOffset? closedSince = null)
    {
        var utc = instant.ToUniversalTime();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = db.Events.AsNoTracking().Within(viewer).Where(JurisdictionFilter.For<StoredEvent>(scope)).IncidentEvents(exercise);
        // Snapshots hold real traffic only: an exercise is replayed from its own events.
        if (!exercise)
        {
            var rows = db.PastSnapshots.Within(viewer).Where(JurisdictionFilter.For<PastSnapshotRow>(scope));
            var fromSnapshot = await SnapshotReplay.KnownAtAsync(db, events, rows, utc, clock, closedSince ?? utc - PastSnapshots.ClosedKept,
                cancellationToken);
            if (fromSnapshot is not null) return fromSnapshot;
        }
        return PastSituation.KnownAt(await PastSnapshots.ReadAsync(events.Between(clock, null, utc), cancellationToken), utc, clock);
    }

    /// <summary>
    /// The dashboard's figures of <paramref name="scope"/> at the instant (<see cref="PastDashboardFigures"/>), computed once
    /// for every screen asking the same (a replay on many walls): shared between viewers of one jurisdiction, who read the
    /// same rows (<see cref="AccessPolicy.Located{T}"/> narrows by it alone), and kept while no event numbered after the
    /// read falls before the instant on its clock (a late message, a commit landing late), as the snapshots are.
    /// </summary>
    /// <param name="next">The instant a replay shows next: its figures are computed meanwhile, ready when the step asks.</param>
    public async Task<DashboardFigures> FiguresAtAsync(Viewer viewer, Jurisdiction scope, DateTimeOffset instant, HistoryClock clock,
        CancellationToken cancellationToken = default, DateTimeOffset? next = null)
    {
        var utc = instant.ToUniversalTime();
        var read = await _figures.GetAsync(new FiguresAsked(viewer.Jurisdiction, scope, utc, clock), token => ReadFiguresAsync(viewer, scope, utc, clock, token),
            (kept, token) => NothingLateSinceAsync(kept.UpTo, utc, clock, token), cancellationToken);
        if (next is { } then)
        {
            var thenUtc = then.ToUniversalTime();
            _figures.Prepare(new FiguresAsked(viewer.Jurisdiction, scope, thenUtc, clock), token => ReadFiguresAsync(viewer, scope, thenUtc, clock, token));
        }
        return read.Figures;
    }

    /// <summary>How many times figures were read from the database; every other ask was served by one of these reads.</summary>
    public long FiguresRead => Interlocked.Read(ref _figuresRead);

    private long _figuresRead;

    private async Task<ReadFigures> ReadFiguresAsync(Viewer viewer, Jurisdiction scope, DateTimeOffset utc, HistoryClock clock, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _figuresRead);
        // The head first: whatever commits during the read is numbered after it, so it is checked next time.
        long head;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            head = await db.StreamHeadAsync(cancellationToken);
        }
        return new ReadFigures(PastDashboardFigures.Of(scope, utc, await KnownAtAsync(viewer, scope, utc, clock, cancellationToken), geography), head);
    }

    private async Task<bool> NothingLateSinceAsync(long upTo, DateTimeOffset utc, HistoryClock clock, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Events.Where(e => e.Sequence > upTo).Between(clock, null, utc).AnyAsync(cancellationToken);
    }

    private sealed record FiguresAsked(Jurisdiction Viewer, Jurisdiction Scope, DateTimeOffset Instant, HistoryClock Clock);

    private sealed record ReadFigures(DashboardFigures Figures, long UpTo);

    /// <summary>
    /// A crisis's figures at the instant, by the crisis page's rules: over its attached incidents, or over
    /// its territory from <see cref="CrisisQueries.SuggestionLead"/> before its start while none is attached;
    /// every victim of the crisis counts (not only the last 24 hours'), as on its live page. Read per
    /// territory of the crisis, each narrowed to the viewer's jurisdiction. Attached incidents may have been opened
    /// long before it, so those crises are replayed from the whole stream (a snapshot keeps a day of closed cases).
    /// </summary>
    public async Task<DashboardFigures> CrisisFiguresAtAsync(Viewer viewer, Crisis crisis, DateTimeOffset instant, HistoryClock clock,
        CancellationToken cancellationToken = default)
    {
        var known = new Dictionary<Guid, IncidentThen>();
        foreach (var territory in crisis.Territories)
        {
            foreach (var incident in await KnownAtAsync(viewer, territory.Jurisdiction, instant, clock, crisis.IsExercise, cancellationToken,
                closedSince: crisis.IncidentIds.Count > 0 ? DateTimeOffset.MinValue : crisis.StartedAt - CrisisQueries.SuggestionLead))
            {
                known[incident.IncidentId] = incident;
            }
        }
        var from = crisis.StartedAt - CrisisQueries.SuggestionLead;
        var mine = crisis.IncidentIds.Count > 0
            ? known.Values.Where(i => crisis.IncidentIds.Contains(i.IncidentId))
            : known.Values.Where(i => i.OpenedAt >= from);
        var scope = crisis.Territories.FirstOrDefault()?.Jurisdiction ?? viewer.Jurisdiction;
        return PastDashboardFigures.Of(scope, instant, [.. mine], geography, countEveryVictim: true);
    }

    /// <summary>
    /// The map's markers at the instant, by the live map's rule: cases open then or opened in the 24 hours
    /// before, newest first, at most <see cref="IncidentMapQueries.MaxMarkers"/>. The events carry no
    /// coordinates: each case is placed where it is located now (a case's place is seldom corrected).
    /// </summary>
    public async Task<IReadOnlyList<IncidentMarker>> MarkersAtAsync(Viewer viewer, Jurisdiction scope, DateTimeOffset instant, HistoryClock clock,
        CancellationToken cancellationToken = default)
    {
        var since = instant.ToUniversalTime() - IncidentMapQueries.RecentSpan;
        var drawn = (await KnownAtAsync(viewer, scope, instant, clock, cancellationToken))
            .Where(i => i.IsOpen || i.OpenedAt >= since)
            .OrderByDescending(i => i.OpenedAt).Take(IncidentMapQueries.MaxMarkers).ToList();
        var ids = drawn.Select(i => i.IncidentId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var places = await db.Incidents.AsNoTracking().Within(viewer)
            .Where(i => ids.Contains(i.Id) && i.Latitude != null && i.Longitude != null)
            .Select(i => new { i.Id, Latitude = i.Latitude!.Value, Longitude = i.Longitude!.Value, i.CommuneName })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        return [.. drawn.Where(i => places.ContainsKey(i.IncidentId)).Select(i =>
        {
            var place = places[i.IncidentId];
            return new IncidentMarker(i.IncidentId, place.Latitude, place.Longitude, i.NatureFamily, i.NatureLabel, place.CommuneName,
                i.DepartmentCode, i.Status, i.OpenedAt);
        })];
    }

    /// <summary>The cases in progress per department among the markers: the national map's choropleth at the instant.</summary>
    public static IReadOnlyDictionary<string, int> InProgressByDepartment(IEnumerable<IncidentMarker> markers) =>
        markers.Where(m => m.Status.IsActive()).GroupBy(m => m.DepartmentCode).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
