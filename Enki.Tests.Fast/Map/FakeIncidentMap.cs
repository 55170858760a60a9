using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;

namespace Enki.Tests.Map;

/// <summary>Map reads answered from memory, counting how often the map asks.</summary>
internal sealed class FakeIncidentMapQueries : IIncidentMapQueries
{
    public List<IncidentMarker> Markers { get; } =
    [
        new(Guid.NewGuid(), 48.8786, 2.5914, "C04", "Incendie › Bâtiment", "Chelles", "77", IncidentStatus.InProgress, DateTimeOffset.UtcNow),
        new(Guid.NewGuid(), 48.9601, 2.8788, "C01", "Accident de la circulation › Véhicule léger", "Meaux", "77", IncidentStatus.Completed, DateTimeOffset.UtcNow),
    ];

    public int MarkerReads { get; private set; }

    public Task<IReadOnlyList<IncidentMarker>> MarkersAsync(Jurisdiction scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        MarkerReads++;
        return Task.FromResult<IReadOnlyList<IncidentMarker>>(Markers.ToList());
    }

    public Task<IReadOnlyDictionary<string, int>> InProgressByDepartmentAsync(Jurisdiction scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int> { ["77"] = 1 });

    public Task<IReadOnlyDictionary<string, int>> InProgressByZoneAsync(Jurisdiction scope, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int> { ["PARIS"] = 1 });
}

/// <summary>An in-memory change feed the test publishes on.</summary>
internal sealed class FakeChangeFeed : IIncidentChangeFeed
{
    private readonly List<Func<IReadOnlyList<IncidentChange>, ValueTask>> _subscribers = [];

    public int Subscribers => _subscribers.Count;

    public async ValueTask PublishAsync(IReadOnlyList<IncidentChange> changes, CancellationToken cancellationToken = default)
    {
        foreach (var subscriber in _subscribers.ToList()) await subscriber(changes);
    }

    public IDisposable Subscribe(Func<IReadOnlyList<IncidentChange>, ValueTask> onChanges)
    {
        _subscribers.Add(onChanges);
        return new Unsubscribe(() => _subscribers.Remove(onChanges));
    }

    public static IncidentChange Change(string commune, string department, string zone, bool exercise = false) =>
        new(Guid.NewGuid(), "fr.fire.test." + Guid.NewGuid().ToString("N"), commune, department, zone, exercise,
            IncidentStatus.InProgress, IsNew: true, DateTimeOffset.UtcNow);

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

/// <summary>For live maps tested without a store: the live path reads figures only for dashboards, and this store refuses to open.</summary>
internal static class NoFigures
{
    public static DashboardQueries Queries { get; } = new(new NoStore(), null!);

    private sealed class NoStore : Microsoft.EntityFrameworkCore.IDbContextFactory<Enki.Infrastructure.Persistence.EnkiDbContext>
    {
        public Enki.Infrastructure.Persistence.EnkiDbContext CreateDbContext() =>
            throw new InvalidOperationException("a map reads no dashboard figures");
    }
}
