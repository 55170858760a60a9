using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Logbook;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>
/// Builds the point de situation from the current state of the crisis, for a viewer who sees it.
/// The requests listed are those linked to the crisis: whoever reads the crisis already reads each of
/// their steps in its main courante, so the report tells them nothing more, only in order.
/// </summary>
public sealed class SituationReportQueries(IDbContextFactory<EnkiDbContext> dbFactory, CrisisDashboardQueries dashboard,
    ReportMapDrawing drawing, TimeProvider clock)
{
    /// <summary>Tag of the situation entries that hold the outlook (perspectives) rather than the situation.</summary>
    public const string OutlookTag = "perspectives";

    private const string MobilisationTag = "mobilisation";
    private const int MaxRequests = 500;

    /// <returns>Null when the crisis does not exist for this viewer.</returns>
    public async Task<SituationReport?> ReadAsync(Viewer viewer, Guid crisisId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var crisis = await db.Crises.AsNoTracking().Where(AccessPolicy.CrisesVisible(viewer)).FirstOrDefaultAsync(c => c.Id == crisisId, cancellationToken);
        if (crisis is null) return null;
        var now = clock.GetUtcNow();
        var figures = await dashboard.ReadAsync(viewer, crisis, now, cancellationToken);

        var ids = crisis.IncidentIds.ToList();
        var exercise = crisis.IsExercise;
        var incidents = ids.Count == 0 ? [] : await db.Incidents.AsNoTracking().Within(viewer)
            .Where(i => ids.Contains(i.Id) && i.IsExercise == exercise)
            .Select(i => new ReportIncident(i.Id, i.NatureLabel, i.CommuneName, i.Status, i.OpenedAt, i.Victims, i.EngagedResourceCount, i.Latitude, i.Longitude))
            .ToListAsync(cancellationToken);
        incidents = [.. incidents.OrderByDescending(i => i.IsActive).ThenByDescending(i => i.OpenedAt)];

        var requests = (await db.MobilisationRequests.AsNoTracking().Where(r => r.CrisisId == crisisId)
                .OrderByDescending(r => r.IssuedAt).Take(MaxRequests).ToListAsync(cancellationToken))
            .Select(r => new ReportRequest(r.Id, r.Object, r.RecipientName, r.ResourceKind, r.Quantity, r.Unit, r.Status,
                RequestStates.Of(r.Status, r.Deadline, now), r.Deadline, r.UpdatedAt, r.RefusalReason))
            .ToList();

        var (situation, outlook, decisions, actions, needs) = await HandWrittenAsync(db, crisisId, cancellationToken);
        var map = drawing.Draw(crisis.Territories, incidents
            .Where(i => i.Latitude is not null && i.Longitude is not null)
            .Select(i => (i.Latitude!.Value, i.Longitude!.Value, i.IsActive)));
        return new SituationReport(crisis, now, figures, incidents, situation, outlook, requests, decisions, actions, needs, map);
    }

    /// <summary>
    /// What people wrote themselves, still standing (not corrected since): the system's own entries and
    /// the steps of mobilisation requests are left out, the requests' current state telling it better.
    /// </summary>
    private static async Task<(LogbookEntry? Situation, LogbookEntry? Outlook, List<LogbookEntry> Decisions, List<LogbookEntry> Actions, List<LogbookEntry> Needs)>
        HandWrittenAsync(EnkiDbContext db, Guid crisisId, CancellationToken cancellationToken)
    {
        var automatic = $"|{LogbookEntryKinds.AutomaticTag}|";
        var mobilisation = $"|{MobilisationTag}|";
        var entries = await db.LogbookEntries.AsNoTracking()
            .Where(e => e.CrisisId == crisisId && e.Kind != LogbookEntryKind.Information
                && !e.TagList.Contains(automatic) && !e.TagList.Contains(mobilisation))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(LogbookQueries.MaxExported)
            .ToListAsync(cancellationToken);
        var corrected = (await db.LogbookEntries.AsNoTracking().Where(e => e.CrisisId == crisisId && e.Corrects != null)
            .Select(e => e.Corrects!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var standing = entries.Where(e => !corrected.Contains(e.Id)).ToList();
        // Whole lists: the report cuts them to what its sheet holds and says how many it leaves out.
        List<LogbookEntry> Latest(LogbookEntryKind kind) => [.. standing.Where(e => e.Kind == kind)];
        var reports = standing.Where(e => e.Kind == LogbookEntryKind.SituationReport).ToList();
        var situation = reports.FirstOrDefault(e => !e.Tags.Contains(OutlookTag));
        // An outlook older than the situation belongs to an earlier point: it no longer stands.
        var outlook = reports.FirstOrDefault(e => e.Tags.Contains(OutlookTag) && (situation is null || e.At >= situation.At));
        return (situation, outlook,
            Latest(LogbookEntryKind.Decision), Latest(LogbookEntryKind.Action), Latest(LogbookEntryKind.Request));
    }
}
