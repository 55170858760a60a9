using Enki.Domain.Access;
using Enki.Domain.History;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Logbook;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Crises.Retex;

/// <summary>
/// Builds a crisis's RETEX for a viewer who reads the crisis (anyone else gets null): its incidents from the
/// stream of what happened (both times of each event), the main courante written by people, the linked
/// requests step by step, the warnings about its incidents and requests, and the figures at each hour on
/// both clocks. Incidents are narrowed to the viewer's jurisdiction like every read; free texts go through
/// <see cref="PersonalDataMask.Patterns"/>, so a phone number or an address typed in a note never leaves.
/// </summary>
public sealed class RetexQueries(IDbContextFactory<EnkiDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>At most a month of hours: a longer crisis keeps its first month in the table.</summary>
    public const int MaxHours = 31 * 24;

    private const string MobilisationTag = "mobilisation";

    /// <summary>Tag of the lines the warnings write in the main courante: the warnings themselves are listed instead.</summary>
    private const string WarningTag = "avertissement";

    /// <returns>Null when the crisis does not exist for this viewer.</returns>
    public async Task<RetexDocument?> ReadAsync(Viewer viewer, Guid crisisId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var crisis = await db.Crises.AsNoTracking().Where(AccessPolicy.CrisesVisible(viewer)).FirstOrDefaultAsync(c => c.Id == crisisId, cancellationToken);
        if (crisis is null) return null;
        var now = clock.GetUtcNow();
        var review = await db.AfterActionReviews.AsNoTracking().FirstOrDefaultAsync(r => r.CrisisId == crisisId, cancellationToken);

        var ids = crisis.IncidentIds.ToList();
        var exercise = crisis.IsExercise;
        var incidents = ids.Count == 0 ? [] : await db.Incidents.AsNoTracking().Within(viewer)
            .Where(i => ids.Contains(i.Id) && i.IsExercise == exercise)
            .Select(i => new { i.Id, i.CaseId, i.CommuneName })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var seen = incidents.Keys.Cast<Guid?>().ToList();
        var rows = seen.Count == 0 ? [] : await db.Events.AsNoTracking().Within(viewer)
            .Where(e => seen.Contains(e.SubjectId) && e.Type.StartsWith("incident."))
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var events = rows.Select(EventCatalog.Read)
            .Where(r => r?.Event is IncidentEvent)
            .Select(r => new PastEvent(r!.Sequence, r.RecordedAt, (IncidentEvent)r.Event)).ToList();

        var requests = await db.MobilisationRequests.AsNoTracking().Where(r => r.CrisisId == crisisId)
            .OrderBy(r => r.IssuedAt).ToListAsync(cancellationToken);
        var warnings = await WarningsAsync(db, crisis, viewer, [.. incidents.Keys, .. requests.Select(r => r.Id)], cancellationToken);

        var timeline = new List<RetexLine>();
        timeline.Add(new RetexLine(crisis.StartedAt, crisis.CreatedAt, RetexLineKind.Crisis,
            $"Début de la crise « {crisis.Title} »", crisis.CreatedByName));
        if (crisis.EndedAt is { } ended) timeline.Add(new RetexLine(ended, ended, RetexLineKind.Crisis, "Fin de la crise", null));
        timeline.AddRange(events.Select(e => IncidentLine(e, incidents.TryGetValue(e.Event.Incident.IncidentId, out var i) ? i.CommuneName : null))
            .OfType<RetexLine>());
        timeline.AddRange(await LogbookLinesAsync(db, crisisId, cancellationToken));
        timeline.AddRange(requests.SelectMany(RequestLines));
        timeline.AddRange(warnings.SelectMany(WarningLines));

        return new RetexDocument(crisis, now, review,
            [.. timeline.OrderBy(l => l.OccurredAt).ThenBy(l => l.RecordedAt)],
            Hours(events, crisis.StartedAt, crisis.EndedAt is { } end && end < now ? end : now),
            [.. requests.Select(r => new RetexRequest(r.IssuedAt, Masked(r.Object), r.IssuerName, r.RecipientName, r.Deadline, r.Status,
                r.Status.IsClosed() ? r.UpdatedAt : null, r.RefusalReason is { } reason ? Masked(reason) : null))],
            [.. warnings.Select(w => new RetexWarning(w.OccurredAt, w.RaisedAt, Masked(w.Title), w.RuleName, w.Urgent,
                w.AcknowledgedAt, w.AcknowledgedByName, w.EscalationLevel))]);
    }

    /// <summary>Figures at each full hour from the crisis's start, as known then and as it was.</summary>
    private static List<RetexHour> Hours(IReadOnlyList<PastEvent> events, DateTimeOffset start, DateTimeOffset end)
    {
        var hours = new List<RetexHour>();
        var first = new DateTimeOffset(start.UtcDateTime.Date.AddHours(start.UtcDateTime.Hour), TimeSpan.Zero);
        for (var at = first; at <= end && hours.Count < MaxHours; at = at.AddHours(1))
        {
            hours.Add(new RetexHour(at, Figures(events, at, HistoryClock.AsKnown), Figures(events, at, HistoryClock.AsItWas)));
        }
        return hours;
    }

    private static RetexFigures Figures(IReadOnlyList<PastEvent> events, DateTimeOffset at, HistoryClock clock)
    {
        var known = PastSituation.KnownAt(events, at, clock);
        return new RetexFigures(known.Count(i => i.Status.IsActive()), known.Sum(i => i.Victims.Red), known.Sum(i => i.Victims.Yellow),
            known.Sum(i => i.Victims.Deceased), known.Sum(i => i.Victims.Evacuated));
    }

    private static RetexLine? IncidentLine(PastEvent past, string? commune)
    {
        var where = commune is null ? "" : $" — {commune}";
        var text = past.Event switch
        {
            IncidentOpened opened => $"Intervention ouverte : {opened.NatureLabel}{where}",
            IncidentRequalified requalified => $"Intervention requalifiée : {requalified.NatureLabel}{where}",
            IncidentClosed closed => $"Intervention {closed.Incident.Status.French().ToLowerInvariant()}{where}",
            IncidentVictimsChanged victims => $"Bilan victimes{where} : {Victims(victims.Victims)}",
            _ => null,
        };
        return text is null ? null : new RetexLine(past.Event.OccurredAt, past.RecordedAt, RetexLineKind.Incident, text, null);
    }

    private static string Victims(IncidentVictims v) =>
        $"{v.Red} UA, {v.Yellow} UR, {v.Green} impliqué(s), {v.Deceased} décédé(s), {v.Evacuated} évacué(s)";

    /// <summary>What people wrote: the system's own entries, the requests' steps and the warnings' lines (told by the requests and warnings) are left out.</summary>
    private static async Task<IEnumerable<RetexLine>> LogbookLinesAsync(EnkiDbContext db, Guid crisisId, CancellationToken cancellationToken)
    {
        var automatic = $"|{LogbookEntryKinds.AutomaticTag}|";
        var mobilisation = $"|{MobilisationTag}|";
        var warning = $"|{WarningTag}|";
        var entries = await db.LogbookEntries.AsNoTracking()
            .Where(e => e.CrisisId == crisisId && !e.TagList.Contains(automatic) && !e.TagList.Contains(mobilisation) && !e.TagList.Contains(warning))
            .OrderBy(e => e.At).ThenBy(e => e.Id).Take(LogbookQueries.MaxExported)
            .ToListAsync(cancellationToken);
        return entries.Select(e => new RetexLine(e.At, e.At, KindOf(e.Kind), Masked(e.Text),
            e.AuthorOrganisation is { } o ? $"{e.AuthorName} ({o})" : e.AuthorName));
    }

    private static RetexLineKind KindOf(LogbookEntryKind kind) => kind switch
    {
        LogbookEntryKind.Decision => RetexLineKind.Decision,
        LogbookEntryKind.Action => RetexLineKind.Action,
        LogbookEntryKind.Request => RetexLineKind.Need,
        LogbookEntryKind.SituationReport => RetexLineKind.SituationReport,
        _ => RetexLineKind.Information,
    };

    private static IEnumerable<RetexLine> RequestLines(MobilisationRequest request)
    {
        var what = $"« {Masked(request.Object)} » à {request.RecipientName}";
        yield return new RetexLine(request.IssuedAt, request.IssuedAt, RetexLineKind.Request, $"Demande émise : {what}", request.IssuerName);
        foreach (var step in request.History.Where(s => s.At > request.IssuedAt || s.To != MobilisationStatus.Issued))
        {
            var reason = step.Reason is { } r ? $" (motif : {Masked(r)})" : "";
            yield return new RetexLine(step.At, step.At, RetexLineKind.Request, $"Demande {what} : {step.To.French().ToLowerInvariant()}{reason}", step.ActorName);
        }
    }

    private static IEnumerable<RetexLine> WarningLines(Domain.Warnings.Warning warning)
    {
        var title = Masked(warning.Title);
        yield return new RetexLine(warning.OccurredAt, warning.RaisedAt, RetexLineKind.Warning,
            $"Avertissement{(warning.Urgent ? " urgent" : "")} : {title}", null);
        foreach (var step in warning.Recipients.Where(r => r.Level > 0))
        {
            yield return new RetexLine(step.AddedAt, step.AddedAt, RetexLineKind.Warning, $"Avertissement non acquitté, escaladé vers {step.Name} : {title}", null);
        }
        if (warning.AcknowledgedAt is { } at)
        {
            yield return new RetexLine(at, at, RetexLineKind.Warning, $"Avertissement acquitté : {title}", warning.AcknowledgedByName);
        }
    }

    /// <summary>
    /// Warnings about the crisis's incidents and requests, inside the viewer's jurisdiction: read through the
    /// (department, raised at) index over the crisis's departments since its start.
    /// </summary>
    private static async Task<List<Domain.Warnings.Warning>> WarningsAsync(EnkiDbContext db, Domain.Crises.Crisis crisis, Viewer viewer,
        List<Guid> subjects, CancellationToken cancellationToken)
    {
        if (subjects.Count == 0) return [];
        var departments = crisis.Territories.Select(t => t.DepartmentCode).OfType<string>().Distinct().ToList();
        var since = crisis.StartedAt.AddDays(-1);
        var subjectIds = subjects.Cast<Guid?>().ToList();
        var warnings = await db.Warnings.AsNoTracking()
            .Where(w => w.DepartmentCode != null && departments.Contains(w.DepartmentCode) && w.RaisedAt >= since && subjectIds.Contains(w.SubjectId))
            .OrderBy(w => w.RaisedAt).ToListAsync(cancellationToken);
        return [.. warnings.Where(w => viewer.Covers(new Domain.Warnings.WarningPlace(w.CommuneCode, w.DepartmentCode, w.ZoneCode)))];
    }

    private static string Masked(string text) => PersonalDataMask.Patterns(text);
}
