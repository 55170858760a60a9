using System.Linq.Expressions;

namespace Enki.Domain.Access;

/// <summary>
/// The one read filter: every query service narrows its rows with it, so nothing outside a
/// viewer's jurisdiction is ever loaded. Plain expression trees, translatable by any LINQ provider.
/// </summary>
public static class JurisdictionFilter
{
    public static Expression<Func<T, bool>> For<T>(Jurisdiction jurisdiction) where T : ILocatedInTerritory
    {
        var item = Expression.Parameter(typeof(T), "item");
        var property = jurisdiction.Kind switch
        {
            JurisdictionKind.National => null,
            JurisdictionKind.Zone => nameof(ILocatedInTerritory.ZoneCode),
            JurisdictionKind.Department => nameof(ILocatedInTerritory.DepartmentCode),
            _ => nameof(ILocatedInTerritory.CommuneCode),
        };
        if (property is null)
        {
            return Expression.Lambda<Func<T, bool>>(Expression.Constant(true), item);
        }
        // The concrete type's property (not the interface's) so that EF maps it to its column.
        var member = Expression.Property(item, typeof(T).GetProperty(property) ?? typeof(ILocatedInTerritory).GetProperty(property)!);
        var code = Expression.Constant(jurisdiction.Code, typeof(string));
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(member, code), item);
    }

    public static IQueryable<T> Within<T>(this IQueryable<T> source, Viewer viewer) where T : ILocatedInTerritory =>
        source.Where(AccessPolicy.Located<T>(viewer));
}
