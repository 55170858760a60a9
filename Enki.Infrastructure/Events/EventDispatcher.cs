using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Events;

/// <summary>
/// After the commit, delivers the stream to every handler in sequence order: screens, mail, NexSIS
/// acknowledgements. Each handler has its own reader and position, so a slow or failing one (the
/// platform down) never holds up the others; a failure is logged at Warning and the same events are
/// handed again after a growing delay. Readers wake on this node's commits and poll for the others'.
/// Several nodes may run it over one database: screens' handlers run on every node, each durable
/// handler on one node at a time, the holder of its lease (<see cref="EventsOptions.LeaseDuration"/>).
/// </summary>
public sealed class EventDispatcher(
    IEnumerable<IEventHandler> handlers,
    EventStreamReader stream,
    ICommitBell committed,
    TimeProvider clock,
    IOptions<EventsOptions> options,
    ILogger<EventDispatcher> logger) : BackgroundService
{
    /// <summary>
    /// A durable handler's position is stored at once after it acted, but after events it only passed
    /// over, at most this often while the stream is busy (and as soon as it is quiet): a storm's
    /// incident events would otherwise cost the mail handler one more write per commit. Handed again
    /// after a crash, passed-over events are passed over again.
    /// </summary>
    private static readonly TimeSpan PassedOverSaveInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly ConcurrentDictionary<IEventHandler, (long Position, long At)> _saved = new();
    private readonly ConcurrentDictionary<IEventHandler, long> _leasedUntil = new(); // Stopwatch timestamps
    private ConcurrentDictionary<IEventHandler, long>? _positions;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Dispatch)
        {
            logger.LogInformation("Event dispatch is off on this node (Enki:Events:Dispatch=false): events stay in the stream");
            return;
        }
        var positions = await PositionsAsync(stoppingToken);
        await Task.WhenAll(positions.Keys.Select(h => RunAsync(h, stoppingToken)));
    }

    /// <summary>Hands every handler what is owed to it now, until none is left (a failure is thrown). For tests and tools.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        foreach (var handler in (await PositionsAsync(cancellationToken)).Keys)
        {
            while (await DeliverAsync(handler, Stopwatch.GetTimestamp(), cancellationToken))
            {
            }
            await SaveIfBehindAsync(handler, cancellationToken);
        }
    }

    /// <summary>
    /// Where each handler starts: durable ones where they stopped (the beginning of the stream for a
    /// new one), this node's own at the head. Disabled ones too: see <see cref="DeliverAsync"/>.
    /// </summary>
    private async Task<ConcurrentDictionary<IEventHandler, long>> PositionsAsync(CancellationToken cancellationToken)
    {
        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_positions is null)
            {
                var head = await stream.HeadAsync(cancellationToken);
                var positions = new ConcurrentDictionary<IEventHandler, long>();
                foreach (var handler in handlers)
                {
                    positions[handler] = handler.Scope == HandlerScope.Durable ? await stream.PositionAsync(handler.Name, cancellationToken) : head;
                    _saved[handler] = (positions[handler], Stopwatch.GetTimestamp());
                }
                _positions = positions;
            }
            return _positions;
        }
        finally
        {
            _starting.Release();
        }
    }

    private async Task RunAsync(IEventHandler handler, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Asked before reading, so that a commit during the read is not missed.
            var asked = Stopwatch.GetTimestamp();
            var next = committed.NextAsync();
            try
            {
                if (await DeliverAsync(handler, asked, stoppingToken))
                {
                    failures = 0;
                    continue; // more to take at once
                }
                failures = 0;
                await SaveIfBehindAsync(handler, stoppingToken); // quiet: store where it stands
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                failures++;
                var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 1), options.Value.MaxRetryDelay.TotalSeconds));
                logger.LogWarning(failure, "Event handler {Handler} failed after position {Position} ({Failures} time(s)); next try in {Delay}",
                    handler.Name, _positions![handler], failures, delay);
                await NoteFailureAsync(handler, failure, stoppingToken);
                await DelayAsync(delay, stoppingToken);
                continue;
            }
            await Task.WhenAny(next, DelayAsync(options.Value.PollInterval, stoppingToken));
        }
    }

    /// <summary>Hands the handler its next batch; true when a full batch was taken (there may be more).</summary>
    /// <param name="asked">When the handler last asked to be woken: a batch read since then by another handler is shared.</param>
    private async Task<bool> DeliverAsync(IEventHandler handler, long asked, CancellationToken cancellationToken)
    {
        // Asked at each delivery, not once at the start: a relative address (the built-in simulator's)
        // resolves only once Kestrel listens, which may come after the dispatcher starts. Until then, its events wait.
        if (!handler.IsEnabled) return false;
        if (handler.Scope == HandlerScope.Durable && !await HoldAsync(handler, cancellationToken)) return false;
        var positions = _positions!;
        var batchSize = options.Value.BatchSize;
        var events = await stream.AfterAsync(positions[handler], batchSize, asked, cancellationToken);
        if (events.Count == 0) return false;
        var relevant = events.Where(e => e.Event is not Unreadable && handler.Handles(e.Event)).ToList();
        if (relevant.Count > 0) await handler.HandleAsync(relevant, cancellationToken);
        positions[handler] = events[^1].Sequence;
        if (handler.Scope == HandlerScope.Durable
            && (relevant.Count > 0 || Stopwatch.GetElapsedTime(_saved.GetValueOrDefault(handler).At) > PassedOverSaveInterval))
        {
            await SaveAsync(handler, cancellationToken);
        }
        return events.Count == batchSize;
    }

    /// <summary>
    /// Whether this node holds the durable handler's lease, renewed at half its duration. A lease taken
    /// anew starts from the stored position: another node may have delivered meanwhile.
    /// </summary>
    private async Task<bool> HoldAsync(IEventHandler handler, CancellationToken cancellationToken)
    {
        var duration = options.Value.LeaseDuration;
        var now = Stopwatch.GetTimestamp();
        if (_leasedUntil.TryGetValue(handler, out var until) && Stopwatch.GetElapsedTime(now, until) > duration / 2)
        {
            return true;
        }
        var stored = await stream.HoldAsync(handler.Name, options.Value.Node, clock.GetUtcNow() + duration, cancellationToken);
        if (stored is not { } position)
        {
            _leasedUntil.TryRemove(handler, out _);
            return false;
        }
        if (!_leasedUntil.ContainsKey(handler) || Stopwatch.GetElapsedTime(until) >= TimeSpan.Zero)
        {
            _positions![handler] = position;
            _saved[handler] = (position, now);
        }
        _leasedUntil[handler] = now + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return true;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_leasedUntil.IsEmpty) return;
        try
        {
            await stream.ReleaseAsync(options.Value.Node, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Could not release this node's handler leases; they lapse by themselves");
        }
    }

    private async Task SaveIfBehindAsync(IEventHandler handler, CancellationToken cancellationToken)
    {
        if (handler.Scope == HandlerScope.Durable && _positions![handler] != _saved.GetValueOrDefault(handler).Position)
        {
            await SaveAsync(handler, cancellationToken);
        }
    }

    private async Task SaveAsync(IEventHandler handler, CancellationToken cancellationToken)
    {
        var position = _positions![handler];
        await stream.SavePositionAsync(handler.Name, position, null, cancellationToken);
        _saved[handler] = (position, Stopwatch.GetTimestamp());
    }

    private async Task NoteFailureAsync(IEventHandler handler, Exception failure, CancellationToken stoppingToken)
    {
        if (handler.Scope != HandlerScope.Durable) return;
        try
        {
            await stream.SavePositionAsync(handler.Name, _positions![handler], failure.Message, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Could not note the failure of {Handler}", handler.Name);
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends.
        }
    }
}
