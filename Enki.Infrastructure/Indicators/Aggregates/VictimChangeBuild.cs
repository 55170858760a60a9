using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The rows of <see cref="VictimChange"/>: one marked opening hour's from the reports of the real incidents opened in it (the refresh),
/// or every hour's in one pass over the victims reports and the real incidents (the first build, <see cref="OpenedHourMark.VictimsEverything"/>);
/// both read the reports' changes the same way (<see cref="VictimFacts.ChangesOf"/>), so both give the same rows.
/// </summary>
internal static class VictimChangeBuild
{
    public static Task<bool> PendingAsync(IDbContextFactory<EnkiDbContext> dbFactory, CancellationToken cancellationToken) =>
        OwnFirstBuild.PendingAsync(dbFactory, OpenedHourMark.VictimsEverything, cancellationToken);

    /// <summary>One opening hour's rows, from the reports of the real incidents opened in it.</summary>
    public static async Task<IEnumerable<VictimChange>> HourAsync(EnkiDbContext db, DateTimeOffset hour, CancellationToken cancellationToken)
    {
        var (end, exercise) = (hour.AddHours(1), false);
        var opened = await db.Incidents.AsNoTracking().Where(i => i.IsExercise == exercise && i.OpenedAt >= hour && i.OpenedAt < end)
            .Select(i => new VictimFacts.ReportingIncident(i.Id, i.CommuneCode, i.DepartmentCode, i.ZoneCode)).ToListAsync(cancellationToken);
        return RowsOf((await VictimFacts.ChangesAsync(db, opened, before: null, cancellationToken)).Select(c => (hour, c)));
    }

    /// <summary>
    /// Every hour's rows from one read of the victims reports and one of the real incidents, then all rows replaced and the build's mark
    /// deleted (<see cref="OwnFirstBuild"/>). A change saved meanwhile left its own hour marks, which the next refresh rewrites.
    /// </summary>
    public static async Task RunAsync(IDbContextFactory<EnkiDbContext> dbFactory, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The reports first (a year holds tens of thousands, by the partial index's type), then the incidents streamed, narrow, to find theirs.
        var reports = (await db.Events.AsNoTracking().Where(e => e.Type == VictimFacts.VictimsChanged).ToListAsync(cancellationToken))
            .Where(e => e.SubjectId is not null).ToLookup(e => e.SubjectId!.Value);
        var exercise = false;
        var incidents = db.Incidents.AsNoTracking().Where(i => i.IsExercise == exercise)
            .Select(i => new { i.OpenedAt, Incident = new VictimFacts.ReportingIncident(i.Id, i.CommuneCode, i.DepartmentCode, i.ZoneCode) });
        var changes = new List<(DateTimeOffset Hour, VictimFacts.Change Change)>();
        await foreach (var incident in incidents.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!reports.Contains(incident.Incident.Id)) continue;
            var hour = OpenedHour.HourOf(incident.OpenedAt);
            changes.AddRange(VictimFacts.ChangesOf(incident.Incident, reports[incident.Incident.Id]).Select(c => (hour, c)));
        }
        var rows = RowsOf(changes).ToList();
        await OwnFirstBuild.ReplaceRowsAsync(db, rows, cancellationToken);
        await OwnFirstBuild.FinishAsync(db, OpenedHourMark.VictimsEverything, cancellationToken);
    }

    /// <summary>Changes summed by opening hour, place and exact report time.</summary>
    private static IEnumerable<VictimChange> RowsOf(IEnumerable<(DateTimeOffset Hour, VictimFacts.Change Change)> changes) =>
        changes.GroupBy(c => (c.Hour, c.Change.CommuneCode, c.Change.DepartmentCode, c.Change.ZoneCode, c.Change.At))
            .Select(g => VictimChange.Of(g.Key.Hour, g.Key.CommuneCode, g.Key.DepartmentCode, g.Key.ZoneCode, g.Key.At,
                [.. Enumerable.Range(0, VictimFacts.Categories).Select(category => g.Sum(c => c.Change.ByCategory[category]))]));
}
