using System.Linq.Expressions;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// A grouping key for a pre-aggregate's rows built from the columns a view keeps apart only: the database groups by every
/// member it is given, constants included, and grouping wider keys made national years several times slower on SQLite.
/// Members left out keep their defaults.
/// </summary>
internal static class GroupingKey
{
    /// <param name="kept">Each member of <typeparamref name="TKey"/> with the column of <typeparamref name="TRow"/> it is read from, when kept.</param>
    public static Expression<Func<TRow, TKey>> Of<TRow, TKey>(IEnumerable<(bool Kept, string? Column, string Member)> kept) where TKey : new()
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        var bindings = kept.Where(k => k.Kept && k.Column is not null)
            .Select(k => (MemberBinding)Expression.Bind(typeof(TKey).GetProperty(k.Member)!, Expression.Property(row, k.Column!)));
        return Expression.Lambda<Func<TRow, TKey>>(Expression.MemberInit(Expression.New(typeof(TKey)), bindings), row);
    }
}
