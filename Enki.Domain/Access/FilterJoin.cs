using System.Linq.Expressions;

namespace Enki.Domain.Access;

/// <summary>Joins query filters into one expression a LINQ provider still translates (no Invoke nodes).</summary>
public static class FilterJoin
{
    public static Expression<Func<T, bool>> AnyOf<T>(params Expression<Func<T, bool>>[] filters)
    {
        var item = filters[0].Parameters[0];
        var body = filters.Skip(1).Aggregate(filters[0].Body,
            (joined, next) => Expression.OrElse(joined, new Rebind(next.Parameters[0], item).Visit(next.Body)));
        return Expression.Lambda<Func<T, bool>>(body, item);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
