using Enki.Infrastructure.Incidents;
using MudBlazor;

namespace Enki.Web.Components.Incidents.List;

/// <summary>The grid's sortable columns (by property name) to the query's sort keys.</summary>
public static class IncidentSortMapping
{
    public static IncidentSort From(IEnumerable<SortDefinition<IncidentRow>> definitions)
    {
        var first = definitions.OrderBy(d => d.Index).FirstOrDefault();
        if (first is null) return IncidentSort.NewestFirst;
        var key = first.SortBy switch
        {
            nameof(IncidentRow.UpdatedAt) => IncidentSortKey.Updated,
            nameof(IncidentRow.Status) => IncidentSortKey.Status,
            nameof(IncidentRow.CommuneName) => IncidentSortKey.Commune,
            nameof(IncidentRow.NatureLabel) => IncidentSortKey.Nature,
            _ => IncidentSortKey.Opened,
        };
        return new IncidentSort(key, first.Descending);
    }
}
