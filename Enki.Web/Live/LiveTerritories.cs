using System.Collections.Concurrent;
using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;

namespace Enki.Web.Live;

/// <summary>
/// The live path's one cache: for every territory some screen watches, its figures and map layers
/// (<see cref="LiveTerritory"/>), computed once per change and shared by every screen watching it.
/// It hears the incident change feed once for the whole process and tells each territory a change
/// touches; 200 wall screens on one department cost one set of queries per change, not 200. A
/// territory is dropped when its last screen leaves.
/// </summary>
public sealed class LiveTerritories : IDisposable
{
    /// <summary>Changes arriving closer together than this are folded into one computation of the figures.</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);

    /// <summary>Figures and layers age with time alone ("new in the last hour", the last 24 h): refreshed at least this often.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Jurisdiction, LiveTerritory> _territories = new();
    private readonly IDisposable _subscription;
    private readonly ITimer _refresh;

    public LiveTerritories(IIncidentChangeFeed feed, DashboardQueries figures, IIncidentMapQueries map, TimeProvider clock, ILogger<LiveTerritories> logger)
    {
        FigureQueries = figures;
        MapQueries = map;
        Clock = clock;
        Logger = logger;
        _subscription = feed.Subscribe(OnChanges);
        _refresh = clock.CreateTimer(_ => { foreach (var territory in _territories.Values) territory.Aged(); }, null, Refresh, Refresh);
    }

    internal DashboardQueries FigureQueries { get; }

    internal IIncidentMapQueries MapQueries { get; }

    internal TimeProvider Clock { get; }

    internal ILogger Logger { get; }

    /// <summary>Territories some screen watches (for tests and diagnostics).</summary>
    public int Watched => _territories.Count;

    /// <summary>Calls <paramref name="onFigures"/>, on a pool thread, with the territory's figures now and after every change in it.</summary>
    public IDisposable WatchFigures(Jurisdiction scope, Func<DashboardFigures, Task> onFigures) => Watch(scope, t => t.AddFigures(onFigures));

    /// <summary>
    /// Calls <paramref name="onMoved"/> after every real change in the territory (exercises never show
    /// on a map), on the publisher's thread: it must only ask for a reload, which then reads
    /// <see cref="MarkersAsync"/>.
    /// </summary>
    public IDisposable WatchMarkers(Jurisdiction scope, Action onMoved) => Watch(scope, t => t.AddMap(onMoved));

    /// <summary>What a map that drew <paramref name="drawnVersion"/> (0: nothing yet) needs to show the territory's markers now.</summary>
    public async Task<MarkerLayerUpdate> MarkersAsync(Jurisdiction scope, long drawnVersion) =>
        (await Territory(scope).Markers.GetAsync()).For(drawnVersion);

    /// <summary>Real incidents in progress per department in the territory (the national map's choropleth).</summary>
    public Task<IReadOnlyDictionary<string, int>> InProgressByDepartmentAsync(Jurisdiction scope) =>
        Territory(scope).InProgressByDepartment.GetAsync();

    internal void Forget(LiveTerritory territory) =>
        _territories.TryRemove(new KeyValuePair<Jurisdiction, LiveTerritory>(territory.Scope, territory));

    private IDisposable Watch(Jurisdiction scope, Func<LiveTerritory, IDisposable?> add)
    {
        while (true)
        {
            // Null: that territory was closed by its last watcher leaving meanwhile; the next GetOrAdd makes a new one.
            if (add(_territories.GetOrAdd(scope, s => new LiveTerritory(this, s))) is { } watch) return watch;
        }
    }

    /// <summary>A territory nobody watches is read afresh and not kept.</summary>
    private LiveTerritory Territory(Jurisdiction scope) =>
        _territories.TryGetValue(scope, out var territory) ? territory : new LiveTerritory(this, scope);

    // On the publisher's thread: only flags and requests here, the work runs on the pool.
    private ValueTask OnChanges(IReadOnlyList<IncidentChange> changes)
    {
        foreach (var (scope, territory) in _territories)
        {
            bool touched = false, real = false;
            foreach (var change in changes)
            {
                if (!scope.Covers(change)) continue;
                touched = true;
                if (real = !change.IsExercise) break;
            }
            if (touched) territory.Changed(real);
        }
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _refresh.Dispose();
    }
}
