namespace Enki.Infrastructure.Access;

/// <summary>
/// The per-person revocation signal: open circuits (live screens) watch their account and session,
/// and drop their live feeds and refuse actions as soon as the account is disabled, its access
/// changed, or that session signed out. In process, like the change feeds; the check every query
/// and command makes against the store (<see cref="CurrentPrincipal"/>) holds across servers.
/// </summary>
public sealed class SessionRevocations
{
    private readonly Lock _gate = new();
    private readonly List<Watcher> _watchers = [];

    public int WatcherCount
    {
        get { lock (_gate) return _watchers.Count; }
    }

    /// <summary>Calls <paramref name="onRevoked"/> once, when the account or this session is revoked.</summary>
    public IDisposable Watch(string userId, string? sessionId, Action onRevoked)
    {
        var watcher = new Watcher(this, userId, sessionId, onRevoked);
        lock (_gate) _watchers.Add(watcher);
        return watcher;
    }

    /// <summary>Every open session of the account (disabled, access changed).</summary>
    public void RevokeUser(string userId) => Revoke(w => w.UserId == userId);

    /// <summary>One session (signed out).</summary>
    public void RevokeSession(string userId, string sessionId) => Revoke(w => w.UserId == userId && w.SessionId == sessionId);

    private void Revoke(Func<Watcher, bool> concerned)
    {
        List<Watcher> hit;
        lock (_gate)
        {
            hit = _watchers.Where(concerned).ToList();
            foreach (var watcher in hit) _watchers.Remove(watcher);
        }
        foreach (var watcher in hit)
        {
            // One screen's failure must not keep the others (or the administrator's command) waiting.
            try { watcher.OnRevoked(); } catch (Exception) { }
        }
    }

    private sealed class Watcher(SessionRevocations owner, string userId, string? sessionId, Action onRevoked) : IDisposable
    {
        public string UserId { get; } = userId;

        public string? SessionId { get; } = sessionId;

        public Action OnRevoked { get; } = onRevoked;

        public void Dispose()
        {
            lock (owner._gate) owner._watchers.Remove(this);
        }
    }
}
