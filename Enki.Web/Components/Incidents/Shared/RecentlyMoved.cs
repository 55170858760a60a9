namespace Enki.Web.Components.Incidents.Shared;

/// <summary>Incidents that just changed, remembered for <see cref="Duration"/> so their rows can be highlighted.</summary>
public sealed class RecentlyMoved(TimeProvider clock)
{
    /// <summary>Matches the CSS fade (<c>enki-row-moved</c>): long enough to be seen from across a room.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);

    public const string CssClass = "enki-row-moved";

    private readonly Dictionary<Guid, DateTimeOffset> _until = [];

    public void Mark(IEnumerable<Guid> ids)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _until.Where(p => p.Value <= now).Select(p => p.Key).ToList()) _until.Remove(stale);
        foreach (var id in ids) _until[id] = now + Duration;
    }

    public bool Contains(Guid id) => _until.TryGetValue(id, out var until) && until > clock.GetUtcNow();

    public string ClassOf(Guid id) => Contains(id) ? CssClass : "";
}
