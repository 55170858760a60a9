using Enki.Domain.Access;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Live;

namespace Enki.Web.Live;

/// <summary>
/// What every screen watching one territory shares: its dashboard figures, pushed to each watcher once
/// computed (at most once per <see cref="LiveTerritories.Coalesce"/>), and its map layers (markers and
/// in-progress counts), computed when the first map asks after a change. Exercise traffic changes the
/// figures (they count exercises apart) but never the map.
/// </summary>
internal sealed class LiveTerritory
{
    private readonly LiveTerritories _owner;
    private readonly Lock _gate = new();
    private readonly List<Func<DashboardFigures, Task>> _figureWatchers = [];
    private readonly List<Action> _mapWatchers = [];
    private readonly Coalescer _figures;
    private DashboardFigures? _current;
    private bool _closed;

    public LiveTerritory(LiveTerritories owner, Jurisdiction scope)
    {
        _owner = owner;
        Scope = scope;
        _figures = new Coalescer(LiveTerritories.Coalesce, owner.Clock, ComputeFiguresAsync, owner.Logger, "new dashboard figures");
        Markers = new SharedAnswer<MarkerLayer>(async previous =>
            MarkerLayer.After(previous, await owner.MapQueries.MarkersAsync(scope, owner.Clock.GetUtcNow()).ConfigureAwait(false)));
        InProgressByDepartment = new SharedAnswer<IReadOnlyDictionary<string, int>>(_ => owner.MapQueries.InProgressByDepartmentAsync(scope));
    }

    public Jurisdiction Scope { get; }

    public SharedAnswer<MarkerLayer> Markers { get; }

    public SharedAnswer<IReadOnlyDictionary<string, int>> InProgressByDepartment { get; }

    /// <summary>Null when the territory was just closed by its last watcher leaving: watch the next one.</summary>
    public IDisposable? AddFigures(Func<DashboardFigures, Task> watcher)
    {
        DashboardFigures? current;
        lock (_gate)
        {
            if (_closed) return null;
            _figureWatchers.Add(watcher);
            current = _current;
        }
        if (current is null) _figures.Request();
        else ScreenDelivery.Start(watcher, current, _owner.Logger, "new dashboard figures");
        return new Release(() => Remove(_figureWatchers, watcher));
    }

    /// <summary><paramref name="onMoved"/> is called, on the publisher's thread, after each real change in the territory: it must only ask for a reload.</summary>
    public IDisposable? AddMap(Action onMoved)
    {
        lock (_gate)
        {
            if (_closed) return null;
            _mapWatchers.Add(onMoved);
        }
        return new Release(() => Remove(_mapWatchers, onMoved));
    }

    /// <summary>Something changed in the territory (<paramref name="real"/>: not only exercises), or time moved on (both).</summary>
    public void Changed(bool real)
    {
        Action[] maps;
        lock (_gate)
        {
            if (_figureWatchers.Count > 0) _figures.Request();
            else _current = null; // the next watcher waits for fresh figures rather than take old ones
            if (!real) return;
            maps = [.. _mapWatchers];
        }
        Markers.MarkStale();
        InProgressByDepartment.MarkStale();
        foreach (var onMoved in maps) onMoved();
    }

    /// <summary>Figures age with time alone: recomputed for the figure watchers; map layers read afresh when next asked.</summary>
    public void Aged()
    {
        lock (_gate)
        {
            if (_figureWatchers.Count > 0) _figures.Request();
            else _current = null;
        }
        Markers.MarkStale();
        InProgressByDepartment.MarkStale();
    }

    private async Task ComputeFiguresAsync()
    {
        DashboardFigures figures;
        try
        {
            figures = await _owner.FigureQueries.ReadAsync(Scope, _owner.Clock.GetUtcNow());
        }
        catch (Exception ex)
        {
            _owner.Logger.LogError(ex, "Dashboard figures for {Scope} could not be computed", Scope);
            return;
        }
        Func<DashboardFigures, Task>[] watchers;
        lock (_gate)
        {
            _current = figures;
            watchers = [.. _figureWatchers];
        }
        foreach (var watcher in watchers) ScreenDelivery.Start(watcher, figures, _owner.Logger, "new dashboard figures");
    }

    private void Remove<T>(List<T> watchers, T watcher)
    {
        lock (_gate)
        {
            watchers.Remove(watcher);
            if (_figureWatchers.Count + _mapWatchers.Count > 0) return;
            _closed = true;
        }
        _figures.Dispose();
        _owner.Forget(this);
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) release();
        }
    }
}
