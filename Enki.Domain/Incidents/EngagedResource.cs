namespace Enki.Domain.Incidents;

/// <summary>A vehicle or team engaged on an incident, with every status it went through, oldest first.</summary>
/// <param name="IsReleased">Its current status sets it free (back at base, cancelled, available): no longer counted as engaged.</param>
public sealed record EngagedResource(
    string ResourceId,
    string Name,
    string? Kind,
    string? Organisation,
    IReadOnlyList<ResourceStatusChange> History,
    bool IsReleased = false)
{
    public ResourceStatusChange Current => History[^1];

    /// <summary>
    /// Adds a status in time order; an already known status at the same time changes nothing. Whether
    /// the resource is released follows the status that ends up current.
    /// </summary>
    public EngagedResource With(ResourceStatusChange change, bool releases)
    {
        if (History.Any(h => h.Code == change.Code && h.At == change.At))
        {
            return this;
        }
        var moved = this with { History = History.Append(change).OrderBy(h => h.At).ToList() };
        return moved.Current == change ? moved with { IsReleased = releases } : moved;
    }
}
