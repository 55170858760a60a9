namespace Enki.Domain.Incidents;

/// <summary>A vehicle or team engaged on an incident, with every status it went through, oldest first.</summary>
public sealed record EngagedResource(
    string ResourceId,
    string Name,
    string? Kind,
    string? Organisation,
    IReadOnlyList<ResourceStatusChange> History)
{
    public ResourceStatusChange Current => History[^1];

    /// <summary>Back at base or cancelled: no longer counted as engaged.</summary>
    public bool IsReleased => Current.Code is "RET-BASE" or "REN-BASE" or "ANNULE" or "AVAILB";

    /// <summary>Adds a status in time order; an already known status at the same time changes nothing.</summary>
    public EngagedResource With(ResourceStatusChange change)
    {
        if (History.Any(h => h.Code == change.Code && h.At == change.At))
        {
            return this;
        }
        return this with { History = History.Append(change).OrderBy(h => h.At).ToList() };
    }
}
