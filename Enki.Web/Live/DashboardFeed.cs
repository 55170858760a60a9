using System.Collections.Concurrent;
using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Live;

namespace Enki.Web.Live;

/// <summary>
/// Live dashboard figures shared by every screen watching the same territory: a change inside a
/// territory recomputes its figures once (coalescing bursts), then every watcher gets the same
/// snapshot. 200 wall screens on one department cost one set of queries, not 200.
/// </summary>
public sealed class DashboardFeed : IDisposable
{
    /// <summary>Changes arriving closer together than this are folded into one recomputation.</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);

    /// <summary>Figures age with time alone ("new in the last hour"): refreshed at least this often.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Jurisdiction, ScopeFigures> _scopes = new();
    private readonly DashboardQueries _queries;
    private readonly TimeProvider _clock;
    private readonly ILogger<DashboardFeed> _logger;
    private readonly IDisposable _subscription;
    private readonly ITimer _refresh;

    public DashboardFeed(IIncidentChangeFeed feed, DashboardQueries queries, TimeProvider clock, ILogger<DashboardFeed> logger)
    {
        _queries = queries;
        _clock = clock;
        _logger = logger;
        _subscription = feed.Subscribe(OnChanges);
        _refresh = clock.CreateTimer(_ => { foreach (var scope in _scopes.Values) scope.Invalidate(); }, null, Refresh, Refresh);
    }

    public int WatchedScopes => _scopes.Count;

    /// <summary>Calls <paramref name="onFigures"/> with the current figures now and after every change in the scope.</summary>
    public IDisposable Watch(Jurisdiction scope, Func<DashboardFigures, Task> onFigures)
    {
        var figures = _scopes.GetOrAdd(scope, s => new ScopeFigures(this, s));
        return figures.Add(onFigures);
    }

    private ValueTask OnChanges(IReadOnlyList<IncidentChange> changes)
    {
        foreach (var (scope, figures) in _scopes)
        {
            if (changes.Any(scope.Covers))
            {
                figures.Invalidate();
            }
        }
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _refresh.Dispose();
    }

    /// <summary>One territory's figures and its watchers.</summary>
    private sealed class ScopeFigures(DashboardFeed feed, Jurisdiction scope)
    {
        private readonly Lock _gate = new();
        private readonly List<Func<DashboardFigures, Task>> _watchers = [];
        private DashboardFigures? _current;
        private bool _computing;
        private bool _stale = true;

        public IDisposable Add(Func<DashboardFigures, Task> watcher)
        {
            DashboardFigures? current;
            lock (_gate)
            {
                _watchers.Add(watcher);
                current = _current;
            }
            if (current is null) Invalidate(); else Notify(watcher, current);
            return new Unsubscriber(this, watcher);
        }

        public void Invalidate()
        {
            lock (_gate)
            {
                _stale = true;
                if (_computing) return; // the running computation will go round once more
                _computing = true;
            }
            _ = ComputeAsync();
        }

        private async Task ComputeAsync()
        {
            while (true)
            {
                await Task.Delay(Coalesce, feed._clock);
                lock (_gate) _stale = false;
                try
                {
                    var figures = await feed._queries.ReadAsync(scope, feed._clock.GetUtcNow());
                    Func<DashboardFigures, Task>[] watchers;
                    lock (_gate)
                    {
                        _current = figures;
                        watchers = [.. _watchers];
                    }
                    foreach (var watcher in watchers) Notify(watcher, figures);
                }
                catch (Exception ex)
                {
                    feed._logger.LogError(ex, "Dashboard figures for {Scope} could not be computed", scope);
                }
                lock (_gate)
                {
                    if (!_stale)
                    {
                        _computing = false;
                        return;
                    }
                }
            }
        }

        private void Notify(Func<DashboardFigures, Task> watcher, DashboardFigures figures) =>
            ScreenDelivery.Start(watcher, figures, feed._logger, "new dashboard figures");

        private void Remove(Func<DashboardFigures, Task> watcher)
        {
            lock (_gate)
            {
                _watchers.Remove(watcher);
                if (_watchers.Count > 0) return;
            }
            feed._scopes.TryRemove(new KeyValuePair<Jurisdiction, ScopeFigures>(scope, this));
        }

        private sealed class Unsubscriber(ScopeFigures figures, Func<DashboardFigures, Task> watcher) : IDisposable
        {
            public void Dispose() => figures.Remove(watcher);
        }
    }
}
