using Enki.Domain.Incidents;

namespace Enki.Web.Components.Incidents.Shared;

/// <summary>
/// Turns a stream of incident changes into at most one refresh per <see cref="Window"/>: the first
/// change after a quiet spell refreshes at once (a crisis room sees it now), a burst during a storm
/// is folded into one refresh at the end of the window with every id that moved.
/// </summary>
public sealed class CoalescedRefresh(TimeProvider clock, Func<IReadOnlyCollection<Guid>, Task> refresh) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private HashSet<Guid> _pending = [];
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private bool _scheduled;
    private bool _disposed;
    private ITimer? _timer;

    public Task OnChangesAsync(IReadOnlyList<IncidentChange> changes)
    {
        lock (_gate)
        {
            if (_disposed || changes.Count == 0) return Task.CompletedTask;
            foreach (var change in changes) _pending.Add(change.IncidentId);
            if (_scheduled) return Task.CompletedTask;
            _scheduled = true;
            var wait = _last + Window - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                _timer = clock.CreateTimer(_ => _ = FlushAsync(), null, wait, Timeout.InfiniteTimeSpan);
                return Task.CompletedTask;
            }
        }
        return FlushAsync();
    }

    private async Task FlushAsync()
    {
        HashSet<Guid> ids;
        lock (_gate)
        {
            if (_disposed) return;
            (ids, _pending) = (_pending, []);
            _scheduled = false;
            _last = clock.GetUtcNow();
        }
        await refresh(ids);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }
}
