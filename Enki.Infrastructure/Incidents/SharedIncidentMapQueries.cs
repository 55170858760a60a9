using System.Collections.Concurrent;
using Enki.Domain.Access;
using Enki.Domain.Incidents;

namespace Enki.Infrastructure.Incidents;

/// <summary>
/// Every open map of a territory asks the same question after the same change: the first asker runs
/// the query, the others share its answer until the next change inside that territory. Two hundred
/// crisis-room screens on one department cost one query per change, not two hundred.
/// </summary>
public sealed class SharedIncidentMapQueries : IIncidentMapQueries, IDisposable
{
    private readonly IncidentMapQueries _queries;
    /// <summary>Answers also age out with time alone (incidents leave the last 24 hours).</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Question, Jurisdiction Scope), Answer> _answers = new();
    private readonly IDisposable _subscription;

    public SharedIncidentMapQueries(IncidentMapQueries queries, IIncidentChangeFeed changes)
    {
        _queries = queries;
        _subscription = changes.Subscribe(OnChanges);
    }

    public async Task<IReadOnlyList<IncidentMarker>> MarkersAsync(Jurisdiction scope, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        (IReadOnlyList<IncidentMarker>)await Shared(nameof(MarkersAsync), scope, async () => await _queries.MarkersAsync(scope, now));

    public async Task<IReadOnlyDictionary<string, int>> InProgressByDepartmentAsync(Jurisdiction scope, CancellationToken cancellationToken = default) =>
        (IReadOnlyDictionary<string, int>)await Shared(nameof(InProgressByDepartmentAsync), scope, async () => await _queries.InProgressByDepartmentAsync(scope));

    public async Task<IReadOnlyDictionary<string, int>> InProgressByZoneAsync(Jurisdiction scope, CancellationToken cancellationToken = default) =>
        (IReadOnlyDictionary<string, int>)await Shared(nameof(InProgressByZoneAsync), scope, async () => await _queries.InProgressByZoneAsync(scope));

    private Task<object> Shared(string question, Jurisdiction scope, Func<Task<object>> ask)
    {
        var key = (question, scope);
        var answer = _answers.AddOrUpdate(key,
            _ => new Answer(new Lazy<Task<object>>(ask), Environment.TickCount64),
            (_, kept) => Environment.TickCount64 - kept.Created > MaxAge.TotalMilliseconds ? new Answer(new Lazy<Task<object>>(ask), Environment.TickCount64) : kept);
        var task = answer.Value.Value;
        // A failed answer is not kept: the next asker tries again.
        _ = task.ContinueWith(_ => _answers.TryRemove(new KeyValuePair<(string, Jurisdiction), Answer>(key, answer)),
            TaskContinuationOptions.NotOnRanToCompletion);
        return task;
    }

    private ValueTask OnChanges(IReadOnlyList<IncidentChange> changes)
    {
        foreach (var key in _answers.Keys.Where(k => changes.Any(k.Scope.Covers)))
        {
            _answers.TryRemove(key, out _);
        }
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _subscription.Dispose();

    private sealed record Answer(Lazy<Task<object>> Value, long Created);
}
