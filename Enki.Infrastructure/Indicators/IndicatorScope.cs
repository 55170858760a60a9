using System.Linq.Expressions;
using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// A territory resolved for one viewer: which incidents it holds (always narrowed by the viewer's
/// jurisdiction as well), which communes it covers inside that jurisdiction (the populations), and the
/// time zone its hours and days are read in.
/// </summary>
internal sealed record IndicatorScope(
    string Label,
    Expression<Func<Incident, bool>> Filter,
    IReadOnlyList<Commune> Communes,
    TimeZoneInfo Zone,
    Jurisdiction? Jurisdiction = null)
{
    /// <summary>Null when the territory does not exist or lies outside what the viewer sees (answered as not found).</summary>
    public static async Task<IndicatorScope?> ResolveAsync(
        EnkiDbContext db, Viewer viewer, IndicatorTerritory territory, FrenchGeography geography, CancellationToken cancellationToken)
    {
        var directory = new GeographyTerritoryDirectory(geography);
        if (territory.Jurisdiction is { } jurisdiction)
        {
            if (!Jurisdiction.Exists(jurisdiction, directory) || !viewer.Jurisdiction.Includes(jurisdiction, directory))
            {
                return null;
            }
            var communes = jurisdiction.Kind switch
            {
                JurisdictionKind.National => geography.Communes,
                JurisdictionKind.Zone => geography.CommunesOfZone(jurisdiction.Code),
                JurisdictionKind.Department => geography.CommunesOfDepartment(jurisdiction.Code),
                _ => [geography.FindCommune(jurisdiction.Code)!],
            };
            return new IndicatorScope(directory.Describe(jurisdiction), JurisdictionFilter.For<Incident>(jurisdiction),
                Visible(communes, viewer, geography), TerritoryClock.ZoneOf(jurisdiction, geography), jurisdiction);
        }
        var crisis = await db.Crises.AsNoTracking().Where(AccessPolicy.CrisesVisible(viewer))
            .FirstOrDefaultAsync(c => c.Id == territory.CrisisId, cancellationToken);
        if (crisis is null)
        {
            return null;
        }
        var communeCodes = crisis.Territories.Where(t => t.Kind == JurisdictionKind.Commune).Select(t => t.Code).ToList();
        var departmentCodes = crisis.Territories.Where(t => t.Kind == JurisdictionKind.Department).Select(t => t.Code).ToList();
        var crisisCommunes = departmentCodes.SelectMany(geography.CommunesOfDepartment)
            .Concat(communeCodes.Select(geography.FindCommune).OfType<Commune>())
            .DistinctBy(c => c.InseeCode).ToList();
        return new IndicatorScope($"Crise « {crisis.Title} »",
            i => communeCodes.Contains(i.CommuneCode) || departmentCodes.Contains(i.DepartmentCode),
            Visible(crisisCommunes, viewer, geography),
            TerritoryClock.ZoneOf(crisis.Territories.Select(t => t.DepartmentCode).FirstOrDefault()));
    }

    /// <summary>The real incidents of the territory the viewer sees.</summary>
    public IQueryable<Incident> RealIncidents(EnkiDbContext db, Viewer viewer)
    {
        // Compared with a parameter, not negated: SQLite only uses an index for "IsExercise = ?".
        var exercise = false;
        return db.Incidents.AsNoTracking().Within(viewer).Where(Filter).Where(i => i.IsExercise == exercise);
    }

    /// <summary>
    /// The opening pre-aggregate of the same territory, narrowed the same way; null for a crisis's territory
    /// (its filter is the incidents' own) and for a zone whose offset is not whole hours (none in France).
    /// </summary>
    public IQueryable<OpenedHour>? RealOpenedHours(EnkiDbContext db, Viewer viewer) =>
        Jurisdiction is { } jurisdiction && Zone.BaseUtcOffset.Ticks % TimeSpan.TicksPerHour == 0
            ? db.OpenedHours.AsNoTracking().Within(viewer).Where(JurisdictionFilter.For<OpenedHour>(jurisdiction))
            : null;

    /// <summary>
    /// The national level of the opening pre-aggregate: for the nation seen by a national viewer only (its rows
    /// hold no place, so nothing narrower can be cut from them).
    /// </summary>
    public IQueryable<OpenedNationalHour>? RealOpenedNationalHours(EnkiDbContext db, Viewer viewer) =>
        Jurisdiction is { Kind: JurisdictionKind.National } && viewer.Jurisdiction.Kind == JurisdictionKind.National && RealOpenedHours(db, viewer) is not null
            ? db.OpenedNationalHours.AsNoTracking()
            : null;

    /// <summary>
    /// The department level of the opening pre-aggregate, narrowed the same way: for a department or wider seen by
    /// a viewer whose jurisdiction is a department or wider (its rows hold no commune).
    /// </summary>
    public IQueryable<OpenedDepartmentDay>? RealOpenedDepartmentDays(EnkiDbContext db, Viewer viewer) =>
        Jurisdiction is { Kind: not JurisdictionKind.Commune } jurisdiction && viewer.Jurisdiction.Kind != JurisdictionKind.Commune
        && RealOpenedHours(db, viewer) is not null
            ? db.OpenedDepartmentDays.AsNoTracking().Within(viewer).Where(JurisdictionFilter.For<OpenedDepartmentDay>(jurisdiction))
            : null;

    /// <summary>The communes touched by department and local day, where the department level of the opening pre-aggregate serves (its rows hold no commune apart).</summary>
    public IQueryable<TouchedDepartmentDay>? RealTouchedDepartmentDays(EnkiDbContext db, Viewer viewer) =>
        RealOpenedDepartmentDays(db, viewer) is not null && Jurisdiction is { } jurisdiction
            ? db.TouchedDepartmentDays.AsNoTracking().Within(viewer).Where(JurisdictionFilter.For<TouchedDepartmentDay>(jurisdiction))
            : null;

    /// <summary>The coverage pre-aggregate of the same territory, narrowed the same way, where the opening pre-aggregate serves.</summary>
    public IQueryable<CoverageHour>? RealCoverageHours(EnkiDbContext db, Viewer viewer) =>
        RealOpenedHours(db, viewer) is not null && Jurisdiction is { } jurisdiction
            ? db.CoverageHours.AsNoTracking().Within(viewer).Where(JurisdictionFilter.For<CoverageHour>(jurisdiction))
            : null;

    /// <summary>The national level of the coverage pre-aggregate: for the nation seen by a national viewer only, as <see cref="RealOpenedNationalHours"/>.</summary>
    public IQueryable<CoverageNationalHour>? RealCoverageNationalHours(EnkiDbContext db, Viewer viewer) =>
        RealOpenedNationalHours(db, viewer) is not null ? db.CoverageNationalHours.AsNoTracking() : null;

    /// <summary>The grid's national level: for the nation seen by a national viewer only, as <see cref="RealOpenedNationalHours"/>.</summary>
    public IQueryable<GridNationalHour>? RealGridNationalHours(EnkiDbContext db, Viewer viewer) =>
        RealOpenedNationalHours(db, viewer) is not null ? db.GridNationalHours.AsNoTracking() : null;

    /// <summary>The resource pre-aggregate of the same territory, narrowed the same way, where the opening pre-aggregate serves.</summary>
    public IQueryable<ResourceHour>? RealResourceHours(EnkiDbContext db, Viewer viewer) =>
        RealOpenedHours(db, viewer) is not null && Jurisdiction is { } jurisdiction
            ? db.ResourceHours.AsNoTracking().Within(viewer).Where(JurisdictionFilter.For<ResourceHour>(jurisdiction))
            : null;

    /// <summary>The national level of the resource pre-aggregate: for the nation seen by a national viewer only, as <see cref="RealOpenedNationalHours"/>.</summary>
    public IQueryable<ResourceNationalHour>? RealResourceNationalHours(EnkiDbContext db, Viewer viewer) =>
        RealOpenedNationalHours(db, viewer) is not null ? db.ResourceNationalHours.AsNoTracking() : null;

    /// <summary>The department level of the resource pre-aggregate, narrowed the same way, where the openings' department level serves.</summary>
    public IQueryable<ResourceDepartmentDay>? RealResourceDepartmentDays(EnkiDbContext db, Viewer viewer) =>
        RealOpenedDepartmentDays(db, viewer) is not null && Jurisdiction is { } jurisdiction
            ? db.ResourceDepartmentDays.AsNoTracking().Within(viewer).Where(JurisdictionFilter.For<ResourceDepartmentDay>(jurisdiction))
            : null;

    /// <summary>The victims changes pre-aggregate of the same territory, narrowed the same way, where the opening pre-aggregate serves.</summary>
    public IQueryable<VictimChange>? RealVictimChanges(EnkiDbContext db, Viewer viewer) =>
        RealOpenedHours(db, viewer) is not null && Jurisdiction is { } jurisdiction
            ? db.VictimChanges.AsNoTracking().Within(viewer).Where(JurisdictionFilter.For<VictimChange>(jurisdiction))
            : null;

    private static List<Commune> Visible(IEnumerable<Commune> communes, Viewer viewer, FrenchGeography geography) =>
        communes.Where(c => viewer.Covers(new Territory(c.InseeCode, c.DepartmentCode, geography.DepartmentOf(c).ZoneCode))).ToList();
}
