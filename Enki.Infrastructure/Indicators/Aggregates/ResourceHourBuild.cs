using Enki.Domain.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The rows of <see cref="ResourceHour"/> (and of their national and department levels, <see cref="ResourceNationalHour"/> and
/// <see cref="ResourceDepartmentDay"/>): one marked hour's from the few incidents that can hold a fact of it (the refresh,
/// <see cref="ResourceFacts.InAsync"/>), or every hour's in one pass over the real incidents (the first build,
/// <see cref="OpenedHourMark.ResourcesEverything"/>); both keep the facts by the same rule (<see cref="ResourceFacts.Of"/>), so both give the same rows.
/// </summary>
internal static class ResourceHourBuild
{
    private const int SpansPerSave = 5_000;

    public static Task<bool> PendingAsync(IDbContextFactory<EnkiDbContext> dbFactory, CancellationToken cancellationToken) =>
        OwnFirstBuild.PendingAsync(dbFactory, OpenedHourMark.ResourcesEverything, cancellationToken);

    /// <summary>Whether the first build waits: until it is over, neither the rows nor the incidents' status spans are trusted.</summary>
    public static Task<bool> PendingAsync(EnkiDbContext db, CancellationToken cancellationToken) =>
        OwnFirstBuild.PendingAsync(db, OpenedHourMark.ResourcesEverything, cancellationToken);

    /// <summary>One hour's rows, from the facts an indicator's read of that hour finds.</summary>
    public static async Task<IEnumerable<ResourceHour>> HourAsync(EnkiDbContext db, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var exercise = false;
        return RowsOf(await ResourceFacts.InAsync(db, db.Incidents.AsNoTracking().Where(i => i.IsExercise == exercise), hour, hour.AddHours(1), cancellationToken));
    }

    /// <summary>
    /// Every hour's rows from one read of the incidents, then the status spans of the incidents stored without one (before the spans
    /// existed, or copied in bulk), then all rows replaced and the build's mark deleted (<see cref="OwnFirstBuild"/>). A change saved meanwhile
    /// left its own hour marks, which the next refresh rewrites, and wrote its own span.
    /// </summary>
    public static async Task RunAsync(IDbContextFactory<EnkiDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var exercise = false;
        // Counted as they are read: a year holds millions of facts, and at most as many rows.
        var counts = new Dictionary<ResourceFacts.Fact, int>();
        var unstamped = new List<(Guid Id, DateTimeOffset First, DateTimeOffset Last)>();
        var incidents = db.Incidents.AsNoTracking()
            .Select(i => new
            {
                i.Id, i.IsExercise, Stamped = EF.Property<DateTimeOffset?>(i, EnkiDbContext.FirstResourceStatusAt) != null,
                Incident = new ResourceFacts.ResourceIncident(i.OpenedAt, i.UpdatedAt, i.CommuneCode, i.DepartmentCode, i.ZoneCode,
                    EF.Property<List<EngagedResource>>(i, "_resources")),
            });
        await foreach (var read in incidents.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!read.Stamped && EnkiDbContext.ResourceStatusSpan(read.Incident.Resources) is var (first, last))
            {
                unstamped.Add((read.Id, first, last));
            }
            if (read.IsExercise != exercise) continue;
            foreach (var fact in ResourceFacts.Of(read.Incident))
            {
                var key = fact with { At = OpenedHour.HourOf(fact.At) };
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var rows = counts.Select(c => RowOf(c.Key, c.Value)).ToList();
        await StampAsync(db, unstamped, cancellationToken);
        await OwnFirstBuild.ReplaceRowsAsync(db, rows, cancellationToken);
        await OwnFirstBuild.ReplaceRowsAsync(db, ResourceNationalHour.Of(rows).ToList(), cancellationToken);
        await OwnFirstBuild.ReplaceRowsAsync(db, ResourceDepartmentDay.Of(rows).ToList(), cancellationToken);
        await OwnFirstBuild.FinishAsync(db, OpenedHourMark.ResourcesEverything, cancellationToken);
    }

    /// <summary>
    /// Writes the spans, a few thousand incidents per transaction, in turns with other writers (<see cref="WriteInTurns"/>); an incident
    /// saved meanwhile wrote its own, which is kept.
    /// </summary>
    private static async Task StampAsync(EnkiDbContext db, List<(Guid Id, DateTimeOffset First, DateTimeOffset Last)> spans, CancellationToken cancellationToken)
    {
        foreach (var chunk in spans.Chunk(SpansPerSave))
        {
            await db.WriteInTurnAsync(async token =>
            {
                foreach (var (id, first, last) in chunk)
                {
                    await db.Incidents.Where(i => i.Id == id && EF.Property<DateTimeOffset?>(i, EnkiDbContext.FirstResourceStatusAt) == null)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(i => EF.Property<DateTimeOffset?>(i, EnkiDbContext.FirstResourceStatusAt), first)
                            .SetProperty(i => EF.Property<DateTimeOffset?>(i, EnkiDbContext.LastResourceStatusAt), last), token);
                }
            }, cancellationToken);
        }
    }

    /// <summary>Facts counted by hour, place, kind and exact fact.</summary>
    private static IEnumerable<ResourceHour> RowsOf(IEnumerable<ResourceFacts.Fact> facts) =>
        facts.GroupBy(f => f with { At = OpenedHour.HourOf(f.At) }).Select(g => RowOf(g.Key, g.Count()));

    /// <param name="fact">A fact dated by its hour.</param>
    private static ResourceHour RowOf(ResourceFacts.Fact fact, int resources) => new()
    {
        Hour = fact.At, CommuneCode = fact.CommuneCode, DepartmentCode = fact.DepartmentCode, ZoneCode = fact.ZoneCode,
        Kind = fact.Kind, Released = fact.Released, DurationTicks = fact.DurationTicks, Resources = resources,
    };
}
