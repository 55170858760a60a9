using System.Linq.Expressions;
using Enki.Domain.Access;

namespace Enki.Domain.Directory;

/// <summary>
/// Which organisations a viewer sees. A crisis room must reach both the people it coordinates and
/// the people it reports to, so a viewer sees the organisations whose territory is
/// <b>inside</b> its jurisdiction (the one read filter, <see cref="JurisdictionFilter"/>) <b>or covers it</b>:
/// the department-level services of its department, the zone-level ones of its zone, and the national
/// ones. Never a sibling: the mayor of Guichen sees Guichen, the préfecture and SDIS of Ille-et-Vilaine,
/// zone Ouest and national organisations, never the mairie of Chelles nor another commune's.
/// </summary>
public static class DirectoryVisibility
{
    public static Expression<Func<Organisation, bool>> For(Viewer viewer, ITerritoryDirectory directory)
    {
        var inside = JurisdictionFilter.For<Organisation>(viewer.Jurisdiction);
        var place = Territory.Of(viewer.Jurisdiction, directory);
        var department = place.DepartmentCode;
        var zone = place.ZoneCode;
        Expression<Func<Organisation, bool>> covering = viewer.Jurisdiction.Kind switch
        {
            JurisdictionKind.National => o => false,
            JurisdictionKind.Zone => o => o.ZoneCode == null,
            JurisdictionKind.Departement => o => o.DepartmentCode == null && (o.ZoneCode == null || o.ZoneCode == zone),
            _ => o => (o.CommuneCode == null && o.DepartmentCode == department)
                      || (o.DepartmentCode == null && (o.ZoneCode == null || o.ZoneCode == zone)),
        };
        var item = inside.Parameters[0];
        var body = Expression.OrElse(inside.Body, new Rebind(covering.Parameters[0], item).Visit(covering.Body));
        return Expression.Lambda<Func<Organisation, bool>>(body, item);
    }

    public static bool Sees(Viewer viewer, Organisation organisation, ITerritoryDirectory directory) =>
        For(viewer, directory).Compile()(organisation);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
