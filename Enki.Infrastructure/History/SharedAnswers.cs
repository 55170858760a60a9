namespace Enki.Infrastructure.History;

/// <summary>
/// One computation per key for every caller asking for it: screens replaying the same past (fifty walls of one
/// debriefing, each a step apart in its own circuit) ask the same question within a second or a few, and the first
/// one's answer serves the others. A caller that joins a computation still running takes its answer as it is; a
/// caller that finds a finished one asks <c>stillTrue</c> first (the past can change: a late message) and computes
/// again when it is not. A failed computation is not kept. One caller's cancellation never cancels the others':
/// the computation stops only when every caller waiting for it has gone. At most <paramref name="capacity"/>
/// finished answers are kept, the least recently used going first.
/// </summary>
public sealed class SharedAnswers<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Dictionary<TKey, Entry> _entries = [];
    private long _uses;

    /// <summary>Answers kept now, finished or running.</summary>
    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>
    /// Starts computing an answer nobody asked for yet (the next step of a replay), unless it is kept or running: the
    /// callers that ask for it then find it ready, or join it. Nobody waits for it, so nobody stops it; a failure is not kept.
    /// </summary>
    public void Prepare(TKey key, Func<CancellationToken, Task<TValue>> compute)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var kept) && !kept.Answer.IsFaulted && !kept.Answer.IsCanceled) return;
            var entry = Start(key, compute);
            // Observed here: a failed preparation is computed again by whoever asks.
            entry.Answer.ContinueWith(failed => failed.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    public async Task<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> compute,
        Func<TValue, CancellationToken, Task<bool>> stillTrue, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Entry entry;
            bool running;
            lock (_gate)
            {
                if (!_entries.TryGetValue(key, out entry!) || entry.Answer.IsFaulted || entry.Answer.IsCanceled) entry = Start(key, compute);
                running = !entry.Answer.IsCompleted;
                entry.Waiting++;
                entry.LastUse = ++_uses;
            }
            TValue value;
            try
            {
                value = await entry.Answer.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Leave(key, entry, gone: true);
                throw;
            }
            catch
            {
                Leave(key, entry, gone: false);
                Forget(key, entry);
                throw;
            }
            Leave(key, entry, gone: false);
            if (running || await stillTrue(value, cancellationToken)) return value;
            Forget(key, entry);
        }
    }

    /// <summary>A new computation under <paramref name="key"/>; the caller holds the lock.</summary>
    private Entry Start(TKey key, Func<CancellationToken, Task<TValue>> compute)
    {
        var entry = new Entry { LastUse = ++_uses };
        // Off the caller's synchronization context: a circuit's dispatcher must not carry another's answer.
        entry.Answer = Task.Run(() => compute(entry.Stop.Token), CancellationToken.None);
        Trim();
        _entries[key] = entry;
        return entry;
    }

    /// <summary>A caller done waiting; the last one to give up on a running computation stops it.</summary>
    private void Leave(TKey key, Entry entry, bool gone)
    {
        lock (_gate)
        {
            entry.Waiting--;
            if (!gone || entry.Waiting > 0 || entry.Answer.IsCompleted) return;
            if (_entries.TryGetValue(key, out var kept) && kept == entry) _entries.Remove(key);
        }
        entry.Stop.Cancel();
    }

    private void Forget(TKey key, Entry entry)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var kept) && kept == entry) _entries.Remove(key);
        }
    }

    /// <summary>Room for one more: beyond the capacity, the finished answers least recently used go (running ones have callers waiting).</summary>
    private void Trim()
    {
        if (_entries.Count < capacity) return;
        foreach (var (key, _) in _entries.Where(e => e.Value.Answer.IsCompleted).OrderBy(e => e.Value.LastUse).Take(_entries.Count + 1 - capacity).ToList())
        {
            _entries.Remove(key);
        }
    }

    private sealed class Entry
    {
        public readonly CancellationTokenSource Stop = new();
        public Task<TValue> Answer = null!;
        public int Waiting;
        public long LastUse;
    }
}
