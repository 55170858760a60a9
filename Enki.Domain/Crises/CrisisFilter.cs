using System.Linq.Expressions;
using Enki.Domain.Access;

namespace Enki.Domain.Crises;

/// <summary>
/// Which crises a viewer sees: one of its territories lies inside their jurisdiction (the one
/// jurisdiction filter, applied to the territory rows), or they take part in it.
/// </summary>
public static class CrisisFilter
{
    public static Expression<Func<Crisis, bool>> VisibleTo(Viewer viewer)
    {
        var inJurisdiction = JurisdictionFilter.For<CrisisTerritory>(viewer.Jurisdiction);
        var person = viewer.Id;
        var organisation = viewer.Jurisdiction.ToString();
        return crisis => crisis.Territories.AsQueryable().Any(inJurisdiction)
            || crisis.Participants.Any(p => (p.Kind == ParticipantKind.Personne && p.Reference == person)
                || (p.Kind == ParticipantKind.Organisation && p.Reference == organisation));
    }

    public static IQueryable<Crisis> VisibleTo(this IQueryable<Crisis> crises, Viewer viewer) => crises.Where(VisibleTo(viewer));

    /// <summary>
    /// Crises over part of <paramref name="scope"/> or over all of it: a commune's wall shows the crisis
    /// declared over its whole department too (<paramref name="scopeDepartment"/>: the commune's department).
    /// </summary>
    public static IQueryable<Crisis> Touching(this IQueryable<Crisis> crises, Jurisdiction scope, string? scopeDepartment)
    {
        var inside = JurisdictionFilter.For<CrisisTerritory>(scope);
        if (scope.Kind != JurisdictionKind.Commune || scopeDepartment is null)
        {
            return crises.Where(c => c.Territories.AsQueryable().Any(inside));
        }
        var department = JurisdictionKind.Departement;
        return crises.Where(c => c.Territories.AsQueryable().Any(inside)
            || c.Territories.Any(t => t.Kind == department && t.DepartmentCode == scopeDepartment));
    }
}
