using System.Security.Claims;
using Enki.Domain.Access;
using Enki.Infrastructure.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace Enki.Web.Live;

/// <summary>
/// The signed-in person of one circuit (one open screen), resolved against the store each time it is
/// asked for. Once the account or the session is revoked, pushed by <see cref="SessionRevocations"/>
/// or found at a query, the screen's live feeds are dropped and it acts as nobody: every query
/// answers empty and every command is refused.
/// </summary>
public sealed class CircuitPrincipal(AuthenticationStateProvider authentication, ICurrentPrincipal current, SessionRevocations revocations)
    : IDisposable
{
    public const string EndedMessage = "Action refusée : votre session a pris fin (compte désactivé, accès modifié ou déconnexion). Reconnectez-vous.";

    private readonly Lock _gate = new();
    private readonly List<IDisposable> _feeds = [];
    private IDisposable? _watch;
    private bool _revoked;

    public bool IsRevoked
    {
        get { lock (_gate) return _revoked; }
    }

    /// <summary>Raised once, off the circuit's thread, when the session ends.</summary>
    public event Action? Revoked;

    /// <summary>The viewer as the store has it now; a viewer with no rights once revoked.</summary>
    public async Task<Viewer> ViewerAsync(CancellationToken cancellationToken = default)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        Watch(user);
        var viewer = IsRevoked ? null : await current.ResolveAsync(user, cancellationToken);
        if (viewer is not null) return viewer;
        Revoke();
        return CurrentPrincipal.Nobody(user);
    }

    /// <summary>Starts listening for a revocation of this screen's account or session.</summary>
    public async Task WatchAsync() => Watch((await authentication.GetAuthenticationStateAsync()).User);

    /// <summary>Ties a live subscription to the session: disposed when it ends (at once if it has).</summary>
    public IDisposable Guard(IDisposable feed)
    {
        lock (_gate)
        {
            if (!_revoked)
            {
                _feeds.Add(feed);
                return new Release(this, feed);
            }
        }
        feed.Dispose();
        return feed;
    }

    private void Watch(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        lock (_gate)
        {
            if (_watch is not null || _revoked || id is null) return;
            _watch = revocations.Watch(id, user.FindFirstValue(EnkiClaims.Session), Revoke);
        }
    }

    private void Revoke()
    {
        List<IDisposable> feeds;
        lock (_gate)
        {
            if (_revoked) return;
            _revoked = true;
            feeds = [.. _feeds];
            _feeds.Clear();
        }
        foreach (var feed in feeds) feed.Dispose();
        Revoked?.Invoke();
    }

    public void Dispose()
    {
        IDisposable? watch;
        lock (_gate)
        {
            watch = _watch;
            _watch = null;
        }
        watch?.Dispose();
    }

    private sealed class Release(CircuitPrincipal owner, IDisposable feed) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._feeds.Remove(feed);
            feed.Dispose();
        }
    }
}
