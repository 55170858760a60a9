using Enki.Domain.Incidents;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// Incidents narrowed first by an index the territory's filter would compete with. SQLite uses one index a table and has no estimate
/// for a range: given a department's filter and a narrow range on another index (a partial hour's resource spans, the incidents
/// without a point), it took the department's index and read the department's whole year. Asked as identifiers, the narrow set is
/// read from its own index and the territory's filter checks only those.
/// </summary>
internal static class NarrowedIncidents
{
    public static IQueryable<Incident> AmongThoseOf(this IQueryable<Incident> incidents, IQueryable<Incident> narrow)
    {
        var ids = narrow.Select(i => i.Id);
        return incidents.Where(i => ids.Contains(i.Id));
    }
}
