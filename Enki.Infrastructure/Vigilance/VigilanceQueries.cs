using Enki.Domain.Access;
using Enki.Domain.Vigilance;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Vigilance;

/// <summary>One vigilance as the screens show it.</summary>
public sealed record VigilanceView(VigilanceSource Source, string AreaCode, string AreaLabel, string? DepartmentCode, VigilancePhenomenon Phenomenon,
    string PhenomenonLabel, VigilanceColour Colour, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo)
{
    /// <summary>« Vent violent orange (35) », « Crues orange : Seine moyenne (77) ».</summary>
    public string Words => $"{PhenomenonLabel} {Colour.French()}{(Source == VigilanceSource.Vigicrues ? $" : {AreaLabel}" : "")}{(DepartmentCode is null ? "" : $" ({DepartmentCode})")}";
}

/// <summary>Today's vigilance within the viewer's jurisdiction (<see cref="AccessPolicy.VigilanceSeen"/>), read when asked.</summary>
public sealed class VigilanceQueries(IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory territories)
{
    /// <summary>At most this many lines: a map in red everywhere still fits a strip and a legend.</summary>
    public const int Limit = 200;

    /// <summary>
    /// Today's vigilances at yellow or above, the most serious first; narrowed to <paramref name="scope"/> (the
    /// territory a page looks at) when given, always within the viewer's own jurisdiction.
    /// </summary>
    public async Task<IReadOnlyList<VigilanceView>> CurrentAsync(Viewer viewer, Jurisdiction? scope = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var seen = Seen(db, viewer).Where(v => v.Day == 0);
        if (scope is not null && scope != viewer.Jurisdiction)
        {
            seen = seen.Where(Filter(viewer with { Jurisdiction = scope }));
        }
        var rows = await seen.Where(v => v.Colour != VigilanceColour.Green)
            .Select(v => new VigilanceView(v.Source, v.AreaCode, v.AreaLabel, v.DepartmentCode, v.Phenomenon, v.PhenomenonLabel, v.Colour, v.ValidFrom, v.ValidTo))
            .Take(Limit).ToListAsync(cancellationToken);
        // Colours are stored as words: ordered here, over a bounded list.
        return rows.OrderByDescending(v => v.Colour).ThenBy(v => v.DepartmentCode).ThenBy(v => v.PhenomenonLabel).ThenBy(v => v.AreaLabel).ToList();
    }

    /// <summary>Each department's highest colour today (green ones left out), for the map.</summary>
    public async Task<IReadOnlyDictionary<string, VigilanceColour>> DepartmentColoursAsync(Viewer viewer, CancellationToken cancellationToken = default) =>
        (await CurrentAsync(viewer, null, cancellationToken))
            .Where(v => v.DepartmentCode is not null)
            .GroupBy(v => v.DepartmentCode!)
            .ToDictionary(g => g.Key, g => g.Max(v => v.Colour));

    private IQueryable<AreaVigilance> Seen(EnkiDbContext db, Viewer viewer) => db.Vigilances.AsNoTracking().Where(Filter(viewer));

    private System.Linq.Expressions.Expression<Func<AreaVigilance, bool>> Filter(Viewer viewer) =>
        AccessPolicy.VigilanceSeen(viewer,
            viewer.Jurisdiction.Kind == JurisdictionKind.Commune ? territories.DepartmentOfCommune(viewer.Jurisdiction.Code!) : null);
}
