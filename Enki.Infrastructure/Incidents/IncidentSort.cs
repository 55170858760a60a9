namespace Enki.Infrastructure.Incidents;

/// <summary>The columns a list of incidents can be ordered by.</summary>
public enum IncidentSortKey
{
    Updated,
    Opened,
    Status,
    Commune,
    Nature,
}

/// <summary>An order for a list of incidents; ties are broken by id so paging is stable.</summary>
public sealed record IncidentSort(IncidentSortKey Key, bool Descending)
{
    /// <summary>What the API has always returned: latest activity first.</summary>
    public static IncidentSort Default { get; } = new(IncidentSortKey.Updated, true);

    /// <summary>What a crisis room reads first: the newest incidents.</summary>
    public static IncidentSort NewestFirst { get; } = new(IncidentSortKey.Opened, true);
}
