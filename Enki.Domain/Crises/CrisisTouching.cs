using Enki.Domain.Access;

namespace Enki.Domain.Crises;

/// <summary>Crises by the territory they cover (not an access decision: combine with <see cref="AccessPolicy.CrisesVisible"/>).</summary>
public static class CrisisTouching
{
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
        var department = JurisdictionKind.Department;
        return crises.Where(c => c.Territories.AsQueryable().Any(inside)
            || c.Territories.Any(t => t.Kind == department && t.DepartmentCode == scopeDepartment));
    }
}
