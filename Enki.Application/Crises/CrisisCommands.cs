using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Directory;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Logbook;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Crises;

/// <summary>
/// Every change to a crisis: the aggregate checks the rules and records what happened; the change, its
/// automatic main-courante entry, its audit row and its events commit in one transaction. Screens hear
/// of it from the event stream after the commit.
/// </summary>
public sealed class CrisisCommands(IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory directory,
    AuditRecorder audit, LogbookWriter logbook, TimeProvider clock)
{
    /// <exception cref="CrisisRefused">The viewer may not open it, or a field is invalid.</exception>
    public async Task<Crisis> OpenAsync(Viewer viewer, CrisisDraft draft, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reachable = viewer.Profile == Profile.Prefecture ? await ReachableMairiesAsync(db, draft.Territories, cancellationToken) : [];
        var crisis = Crisis.Open(viewer, draft.Title, draft.Type, draft.Description, draft.Territories, draft.StartedAt,
            draft.IsExercise, directory, now, reachable);
        db.Crises.Add(crisis);
        var territory = string.Join(", ", crisis.Territories.Select(t => t.Name));
        await CommitAsync(db, crisis, viewer, CrisisAuditActions.Opened,
            $"Crise ouverte : {crisis.Title} ({crisis.Type.French()}) — {territory}", cancellationToken);
        return crisis;
    }

    public Task EditAsync(Viewer viewer, Guid crisisId, string title, CrisisType type, string? description, CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, crisisId, CrisisAuditActions.Edited, crisis =>
        {
            crisis.Edit(viewer, title, type, description, clock.GetUtcNow());
            return $"Crise modifiée : {crisis.Title} ({crisis.Type.French()})";
        }, cancellationToken);

    public Task EndAsync(Viewer viewer, Guid crisisId, DateTimeOffset? endedAt, CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, crisisId, CrisisAuditActions.Ended, crisis =>
        {
            crisis.End(viewer, endedAt, clock.GetUtcNow());
            return "Crise terminée.";
        }, cancellationToken);

    public Task ReopenAsync(Viewer viewer, Guid crisisId, CancellationToken cancellationToken = default) =>
        ChangeAsync(viewer, crisisId, CrisisAuditActions.Reopened, crisis =>
        {
            crisis.Reopen(viewer, clock.GetUtcNow());
            return "Crise rouverte.";
        }, cancellationToken);

    /// <exception cref="CrisisRefused">The incident is not visible to the viewer, or the right is missing.</exception>
    public async Task AttachIncidentAsync(Viewer viewer, Guid crisisId, Guid incidentId, CancellationToken cancellationToken = default)
    {
        var incident = await IncidentLabelAsync(viewer, incidentId, cancellationToken);
        await ChangeAsync(viewer, crisisId, CrisisAuditActions.IncidentAttached, crisis =>
            crisis.AttachIncident(viewer, incidentId, clock.GetUtcNow()) ? $"Incident rattaché : {incident}" : null, cancellationToken);
    }

    /// <summary>Attaches several incidents at once (« Rattacher tout »): one change, one main-courante entry.</summary>
    /// <returns>How many were attached (those already attached or invisible to the viewer are left out).</returns>
    public async Task<int> AttachIncidentsAsync(Viewer viewer, Guid crisisId, IReadOnlyCollection<Guid> incidentIds, CancellationToken cancellationToken = default)
    {
        var ids = incidentIds.Distinct().ToList();
        List<(Guid Id, string Label)> visible;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            visible = (await db.Incidents.AsNoTracking().Within(viewer).Where(i => ids.Contains(i.Id))
                    .Select(i => new { i.Id, i.NatureLabel, i.CommuneName, i.CaseId }).ToListAsync(cancellationToken))
                .Select(i => (i.Id, Label(i.NatureLabel, i.CommuneName, i.CaseId))).ToList();
        }
        var attached = 0;
        await ChangeAsync(viewer, crisisId, CrisisAuditActions.IncidentAttached, crisis =>
        {
            var names = new List<string>();
            var now = clock.GetUtcNow();
            foreach (var (id, label) in visible)
            {
                if (crisis.AttachIncident(viewer, id, now)) names.Add(label);
            }
            attached = names.Count;
            if (names.Count == 0) return null;
            var text = $"{names.Count} incident(s) rattaché(s) : {string.Join(" ; ", names)}";
            return text.Length <= LogbookEntry.TextMaxLength ? text : text[..(LogbookEntry.TextMaxLength - 1)] + "…";
        }, cancellationToken);
        return attached;
    }

    public async Task DetachIncidentAsync(Viewer viewer, Guid crisisId, Guid incidentId, CancellationToken cancellationToken = default)
    {
        var incident = await IncidentLabelAsync(viewer, incidentId, cancellationToken);
        await ChangeAsync(viewer, crisisId, CrisisAuditActions.IncidentDetached, crisis =>
            crisis.DetachIncident(viewer, incidentId, clock.GetUtcNow()) ? $"Incident détaché : {incident}" : null, cancellationToken);
    }

    /// <exception cref="CrisisRefused">
    /// The right is missing, or the participant is not one the pilot may name: a person must be an active
    /// account inside the pilot's jurisdiction (or already take part), an organisation a real territory.
    /// </exception>
    public async Task SetParticipantAsync(Viewer viewer, Guid crisisId, CrisisParticipant participant, CancellationToken cancellationToken = default)
    {
        if (participant.Kind == ParticipantKind.Organisation && !IsRealOrganisation(participant.Reference))
        {
            throw new CrisisRefused("Organisation introuvable : choisissez une commune, un département, une zone ou le national.");
        }
        var nameable = participant.Kind == ParticipantKind.Organisation || await NameableAsync(viewer, participant.Reference, cancellationToken);
        await ChangeAsync(viewer, crisisId, CrisisAuditActions.ParticipantSet, crisis =>
        {
            var present = crisis.Participants.Any(p => p.Kind == participant.Kind && p.Reference == participant.Reference);
            if (!nameable && !present) throw new CrisisRefused("Personne introuvable dans votre périmètre.");
            crisis.SetParticipant(viewer, participant, clock.GetUtcNow());
            return $"Participant : {participant.Name} ({participant.Right.French()})";
        }, cancellationToken);
    }

    /// <summary>A territory (<c>commune:77108</c>), or one service of it (<c>departement:77#Prefecture</c>).</summary>
    private bool IsRealOrganisation(string reference)
    {
        var parts = reference.Split('#', 2);
        return Jurisdiction.TryParse(parts[0], out var territory) && Jurisdiction.Exists(territory, directory)
            // By code only: Enum.TryParse would also take numbers and comma-separated lists.
            && (parts.Length == 1 || Enum.GetValues<Profile>().Any(p => p.Code() == parts[1]));
    }

    private async Task<bool> NameableAsync(Viewer viewer, string accountId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var disabled = false;
        return await db.Users.AsNoTracking().Where(AccessPolicy.Located<EnkiUser>(viewer))
            .AnyAsync(u => u.Id == accountId && u.IsDisabled == disabled, cancellationToken);
    }

    /// <summary>
    /// Communes of the territory whose mayor's office Enki can reach: an enabled mayor's account or a
    /// mairie in the directory. Codes only; the names come from the geography.
    /// </summary>
    private static async Task<IReadOnlyCollection<string>> ReachableMairiesAsync(EnkiDbContext db, IReadOnlyList<Jurisdiction> territories,
        CancellationToken cancellationToken)
    {
        var communes = territories.Where(t => t.Kind == JurisdictionKind.Commune).Select(t => t.Code!).ToList();
        var departments = territories.Where(t => t.Kind == JurisdictionKind.Department).Select(t => t.Code!).ToList();
        var disabled = false;
        var mayor = Profile.Mayor;
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.IsDisabled == disabled && u.Profile == mayor && u.CommuneCode != null
                && (communes.Contains(u.CommuneCode) || departments.Contains(u.DepartmentCode!)))
            .Select(u => u.CommuneCode!).Distinct().ToListAsync(cancellationToken);
        var mairie = OrganisationKind.TownHall;
        var entries = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == mairie && o.CommuneCode != null
                && (communes.Contains(o.CommuneCode) || departments.Contains(o.DepartmentCode!)))
            .Select(o => o.CommuneCode!).Distinct().ToListAsync(cancellationToken);
        return accounts.Concat(entries).ToHashSet();
    }

    /// <param name="change">Applies the change and returns the main-courante text, or null when nothing changed.</param>
    private async Task ChangeAsync(Viewer viewer, Guid crisisId, string action, Func<Crisis, string?> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var crisis = await db.Crises.FirstOrDefaultAsync(c => c.Id == crisisId, cancellationToken);
        if (crisis is null || !AccessPolicy.SeesCrisis(viewer, crisis))
        {
            throw new CrisisRefused("Crise introuvable.");
        }
        var text = change(crisis);
        if (text is not null)
        {
            await CommitAsync(db, crisis, viewer, action, text, cancellationToken);
        }
    }

    private async Task CommitAsync(EnkiDbContext db, Crisis crisis, Viewer viewer, string action, string text, CancellationToken cancellationToken)
    {
        await logbook.AddAsync(db, crisis.Id, viewer, LogbookEntryKind.Information, text, [LogbookEntryKinds.AutomaticTag], null, cancellationToken);
        audit.Add(db, action, crisis.Title, text, crisis.Territories.FirstOrDefault(), viewer);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string> IncidentLabelAsync(Viewer viewer, Guid incidentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().Within(viewer).Where(i => i.Id == incidentId)
            .Select(i => new { i.NatureLabel, i.CommuneName, i.CaseId }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new CrisisRefused("Incident introuvable.");
        return Label(incident.NatureLabel, incident.CommuneName, incident.CaseId);
    }

    /// <summary>An incident as the main courante names it: its nature's last level, its commune, its case.</summary>
    private static string Label(string natureLabel, string commune, string caseId) => $"{natureLabel.Split(" › ")[^1]} à {commune} ({caseId})";
}
