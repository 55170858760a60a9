using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Crises;

/// <summary>
/// Reads of crises, always narrowed to what the viewer sees (<see cref="AccessPolicy.CrisesVisible"/>); the incidents
/// they show go through the incident jurisdiction filter too.
/// </summary>
public sealed class CrisisQueries(IDbContextFactory<EnkiDbContext> dbFactory)
{
    /// <summary>Crises are declared after the first calls: incidents this much older than the start are still suggested.</summary>
    public static readonly TimeSpan SuggestionLead = TimeSpan.FromHours(6);

    public const int MaxSuggestions = 20;
    private const int MaxListed = 500;

    /// <summary>
    /// People a pilot may name as participants: active accounts inside the pilot's jurisdiction whose
    /// name or organisation contains <paramref name="text"/>. Only names and organisations leave.
    /// </summary>
    public async Task<IReadOnlyList<CrisisPerson>> PeopleAsync(Viewer viewer, string? text, CancellationToken cancellationToken = default)
    {
        var wanted = text?.Trim() ?? "";
        if (wanted.Length < 2) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var disabled = false;
        var pattern = TextSearch.ContainsPattern(wanted);
        return await db.Users.AsNoTracking().Where(AccessPolicy.Located<Enki.Infrastructure.Access.EnkiUser>(viewer))
            .Where(u => u.IsDisabled == disabled
                && (EF.Functions.Like(u.DisplayName.ToLower(), pattern, TextSearch.Escape)
                    || (u.Organisation != null && EF.Functions.Like(u.Organisation.ToLower(), pattern, TextSearch.Escape))))
            .OrderBy(u => u.DisplayName).Take(20)
            .Select(u => new CrisisPerson(u.Id, u.DisplayName, u.Organisation))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Crisis>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Crises.AsNoTracking().Where(AccessPolicy.CrisesVisible(viewer))
            .OrderByDescending(c => c.StartedAt).Take(MaxListed).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Crises in progress the viewer sees over part of <paramref name="scope"/> (a territory already
    /// checked against the viewer's jurisdiction), latest first: the wall display's panel.
    /// </summary>
    public async Task<IReadOnlyList<Crisis>> InProgressTouchingAsync(Viewer viewer, Jurisdiction scope, string? scopeDepartment,
        int count, CancellationToken cancellationToken = default)
    {
        var inProgress = CrisisStatus.Ongoing;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Crises.AsNoTracking().Where(AccessPolicy.CrisesVisible(viewer)).Touching(scope, scopeDepartment)
            .Where(c => c.Status == inProgress)
            .OrderByDescending(c => c.StartedAt).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>The crisis, or null when it does not exist or the viewer does not see it.</summary>
    public async Task<Crisis?> FindAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Crises.AsNoTracking().Where(AccessPolicy.CrisesVisible(viewer)).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>Attached incidents the viewer may see, newest first.</summary>
    public async Task<IReadOnlyList<LatestIncident>> AttachedAsync(Viewer viewer, Crisis crisis, CancellationToken cancellationToken = default)
    {
        var ids = crisis.IncidentIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db.Incidents.AsNoTracking().Within(viewer).Where(i => ids.Contains(i.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Incidents that look part of the crisis: a nature family its type brings, inside its territory
    /// and time window, same exercise flag, not yet attached.
    /// </summary>
    public async Task<IReadOnlyList<LatestIncident>> SuggestionsAsync(Viewer viewer, Crisis crisis, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var families = crisis.Type.NatureFamilies().ToList();
        var communes = crisis.Territories.Where(t => t.Kind == JurisdictionKind.Commune).Select(t => t.Code).ToList();
        var departments = crisis.Territories.Where(t => t.Kind == JurisdictionKind.Department).Select(t => t.Code).ToList();
        var attached = crisis.IncidentIds.ToList();
        var from = crisis.StartedAt - SuggestionLead;
        var to = crisis.EndedAt ?? now;
        var exercise = crisis.IsExercise;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = db.Incidents.AsNoTracking().Within(viewer)
            .Where(i => i.IsExercise == exercise && families.Contains(i.NatureFamily))
            .Where(i => communes.Contains(i.CommuneCode) || departments.Contains(i.DepartmentCode))
            .Where(i => i.OpenedAt >= from && i.OpenedAt <= to)
            .Where(i => !attached.Contains(i.Id));
        return await Rows(candidates).Take(MaxSuggestions).ToListAsync(cancellationToken);
    }

    private static IQueryable<LatestIncident> Rows(IQueryable<Incident> incidents) =>
        incidents.OrderByDescending(i => i.OpenedAt)
            .Select(i => new LatestIncident(i.Id, i.OpenedAt, i.CreatedAt, i.NatureLabel, i.NatureFamily, i.CommuneName, i.DepartmentCode, i.Address, i.Status));
}
