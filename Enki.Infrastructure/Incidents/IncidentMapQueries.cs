using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Incidents;

/// <summary>One incident as the map draws it: a projection, never the full entity.</summary>
public sealed record IncidentMarker(
    Guid Id,
    double Latitude,
    double Longitude,
    string NatureFamily,
    string NatureLabel,
    string CommuneName,
    string DepartmentCode,
    IncidentStatus Status,
    DateTimeOffset OpenedAt);

/// <summary>What the incident map reads; an interface so that components can be tested without a database.</summary>
public interface IIncidentMapQueries
{
    /// <summary>Real incidents with coordinates, in progress or opened in the last 24 h, newest first, at most <see cref="IncidentMapQueries.MaxMarkers"/>.</summary>
    Task<IReadOnlyList<IncidentMarker>> MarkersAsync(Jurisdiction scope, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Real incidents in progress per department code (departments without any are absent).</summary>
    Task<IReadOnlyDictionary<string, int>> InProgressByDepartmentAsync(Jurisdiction scope, CancellationToken cancellationToken = default);

    /// <summary>Real incidents in progress per defence zone code (zones without any are absent).</summary>
    Task<IReadOnlyDictionary<string, int>> InProgressByZoneAsync(Jurisdiction scope, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads of the incident map. The scope must already be checked against the viewer's jurisdiction
/// (a scope is a jurisdiction the viewer includes); every query goes through the one filter.
/// </summary>
public sealed class IncidentMapQueries(IDbContextFactory<EnkiDbContext> dbFactory) : IIncidentMapQueries
{
    /// <summary>Bound on the markers sent to a browser: beyond it the newest win.</summary>
    public const int MaxMarkers = 5_000;

    /// <summary>Incidents closed since are still drawn (faded): what happened today stays on the map.</summary>
    public static readonly TimeSpan RecentSpan = TimeSpan.FromHours(24);

    private static readonly IncidentStatus[] Active = [IncidentStatus.Reported, IncidentStatus.InProgress, IncidentStatus.Suspended];

    public async Task<IReadOnlyList<IncidentMarker>> MarkersAsync(Jurisdiction scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var since = now - RecentSpan;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Real(db, scope)
            .Where(i => i.Latitude != null && i.Longitude != null)
            .Where(i => Active.Contains(i.Status) || i.OpenedAt >= since)
            .OrderByDescending(i => i.OpenedAt)
            .Take(MaxMarkers)
            .Select(i => new IncidentMarker(i.Id, i.Latitude!.Value, i.Longitude!.Value, i.NatureFamily, i.NatureLabel,
                i.CommuneName, i.DepartmentCode, i.Status, i.OpenedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> InProgressByDepartmentAsync(Jurisdiction scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InProgress(db, scope).GroupBy(i => i.DepartmentCode)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, StringComparer.Ordinal, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> InProgressByZoneAsync(Jurisdiction scope, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await InProgress(db, scope).Where(i => i.ZoneCode != "").GroupBy(i => i.ZoneCode)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, StringComparer.Ordinal, cancellationToken);
    }

    private static IQueryable<Incident> Real(EnkiDbContext db, Jurisdiction scope) =>
        db.Incidents.AsNoTracking().Where(JurisdictionFilter.For<Incident>(scope)).Where(i => !i.IsExercise);

    private static IQueryable<Incident> InProgress(EnkiDbContext db, Jurisdiction scope) =>
        Real(db, scope).Where(i => Active.Contains(i.Status));
}
