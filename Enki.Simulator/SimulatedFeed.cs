using System.Globalization;
using System.Text;

namespace Enki.Simulator;

/// <summary>What the simulator meant a feed message to be (kept for the tests and the status, never served).</summary>
public enum SimulatedMessageKind
{
    /// <summary>A message the connector must accept (the postal-code-in-INSEE quirk included).</summary>
    Valid,
    /// <summary>A message the connector must refuse (truncated, unknown nature, out of France, no case id).</summary>
    Malformed,
}

/// <summary>A message of the simulated feed, in production order.</summary>
/// <param name="Sequence">Position in the feed, from 1.</param>
/// <param name="Id">Unique id (the EDXL-DE distribution id for valid messages).</param>
/// <param name="ContentType"><c>application/json</c> or <c>application/xml</c>.</param>
/// <param name="Utf8Payload">The message text exactly as NexSIS would send it, UTF-8 (half the memory of a string).</param>
/// <param name="Kind">Valid or deliberately malformed.</param>
/// <param name="Defect">For a malformed message, what is wrong with it (French).</param>
public sealed record FeedEntry(long Sequence, string Id, string ContentType, byte[] Utf8Payload, SimulatedMessageKind Kind, string? Defect = null)
{
    /// <summary>The message text.</summary>
    public string Payload => Encoding.UTF8.GetString(Utf8Payload);
}

/// <summary>The answer to a feed read.</summary>
public abstract record FeedReadResult;

/// <summary>The messages after the cursor (at most the limit) and the cursor to resume from.</summary>
public sealed record FeedPage(string Cursor, IReadOnlyList<FeedEntry> Messages) : FeedReadResult;

/// <summary>The cursor points before the oldest retained message (or to another run): messages were lost.</summary>
public sealed record FeedCursorGone(string Reason) : FeedReadResult;

/// <summary>The cursor cannot be read.</summary>
public sealed record FeedCursorInvalid(string Reason) : FeedReadResult;

/// <summary>
/// The in-memory feed of the simulator: an append-only ring of the last <see cref="Capacity"/> messages.
/// A cursor is <c>{run}.{sequence}</c>, the position after the last message returned: a client resuming
/// from it gets every later message once, in order, as long as they are retained. Thread-safe.
/// </summary>
public sealed class SimulatedFeed
{
    /// <summary>Messages kept by default (the protocol asks for at least 200,000).</summary>
    public const int DefaultCapacity = 200_000;

    /// <summary>Default and maximum page sizes of the protocol.</summary>
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    private readonly FeedEntry?[] _ring;
    private readonly Lock _lock = new();
    private long _lastSequence;
    private long _malformed;

    /// <param name="capacity">Messages retained.</param>
    /// <param name="run">Identifies this feed instance in cursors, so a cursor of a previous run is recognised as gone.</param>
    public SimulatedFeed(int capacity = DefaultCapacity, string? run = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new FeedEntry?[capacity];
        Run = run ?? Guid.NewGuid().ToString("N")[..8];
        if (Run.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("The run tag cannot contain a dot.", nameof(run));
        }
    }

    public int Capacity => _ring.Length;

    /// <summary>The run tag carried by the cursors.</summary>
    public string Run { get; }

    /// <summary>Messages appended since the start.</summary>
    public long Produced
    {
        get
        {
            lock (_lock)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>Malformed messages appended since the start.</summary>
    public long Malformed
    {
        get
        {
            lock (_lock)
            {
                return _malformed;
            }
        }
    }

    /// <summary>Appends a message and returns it with its sequence.</summary>
    public FeedEntry Append(string id, string contentType, string payload, SimulatedMessageKind kind = SimulatedMessageKind.Valid, string? defect = null)
    {
        lock (_lock)
        {
            var entry = new FeedEntry(_lastSequence + 1, id, contentType, Encoding.UTF8.GetBytes(payload), kind, defect);
            _ring[entry.Sequence % _ring.Length] = entry;
            _lastSequence = entry.Sequence;
            if (kind == SimulatedMessageKind.Malformed)
            {
                _malformed++;
            }

            return entry;
        }
    }

    /// <summary>Reads up to <paramref name="limit"/> messages after <paramref name="after"/> (null or empty: from the oldest retained).</summary>
    public FeedReadResult Read(string? after, int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        limit = Math.Min(limit, MaxLimit);
        lock (_lock)
        {
            var oldest = Math.Max(1, _lastSequence - _ring.Length + 1);
            long position;
            if (string.IsNullOrWhiteSpace(after))
            {
                position = oldest - 1;
            }
            else
            {
                var parts = after.Trim().Split('.');
                if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out position))
                {
                    return new FeedCursorInvalid($"Curseur illisible : « {after} »");
                }

                if (parts[0] != Run)
                {
                    return new FeedCursorGone("Ce curseur vient d'une exécution précédente du simulateur : reprendre sans curseur.");
                }

                if (position > _lastSequence)
                {
                    return new FeedCursorInvalid($"Curseur au-delà du dernier message produit ({_lastSequence}).");
                }

                if (position < oldest - 1)
                {
                    return new FeedCursorGone($"Les messages qui suivent ce curseur ne sont plus conservés (les {_ring.Length} derniers seulement) : reprendre sans curseur.");
                }
            }

            var count = (int)Math.Min(limit, _lastSequence - position);
            var messages = new FeedEntry[count];
            for (var i = 0; i < count; i++)
            {
                messages[i] = _ring[(position + 1 + i) % _ring.Length]!;
            }

            return new FeedPage(Cursor(position + count), messages);
        }
    }

    /// <summary>The retained messages, oldest first (for tests and diagnostics).</summary>
    public IReadOnlyList<FeedEntry> Snapshot()
    {
        lock (_lock)
        {
            var oldest = Math.Max(1, _lastSequence - _ring.Length + 1);
            var entries = new List<FeedEntry>((int)(_lastSequence - oldest + 1));
            for (var sequence = oldest; sequence <= _lastSequence; sequence++)
            {
                entries.Add(_ring[sequence % _ring.Length]!);
            }

            return entries;
        }
    }

    private string Cursor(long position) => string.Create(CultureInfo.InvariantCulture, $"{Run}.{position}");
}

/// <summary>
/// The RC-REF acknowledgements posted back to the simulator: a count and the last 1,000 acknowledged
/// distribution ids. Like the platform, it deduplicates by the acknowledgement's own id: a resend is
/// counted apart, not twice.
/// </summary>
public sealed class SimulatorAcknowledgements
{
    public const int Retained = 1000;

    /// <summary>Acknowledgement ids remembered for deduplication.</summary>
    public const int RememberedIds = 100_000;

    private readonly Queue<string> _recent = new();
    private readonly HashSet<string> _seen = [];
    private readonly Queue<string> _seenOrder = new();
    private readonly Lock _lock = new();
    private long _count;
    private long _duplicates;

    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Acknowledgements received again under an id already seen.</summary>
    public long Duplicates
    {
        get
        {
            lock (_lock)
            {
                return _duplicates;
            }
        }
    }

    /// <summary>The last acknowledged distribution ids, oldest first.</summary>
    public IReadOnlyList<string> Recent
    {
        get
        {
            lock (_lock)
            {
                return _recent.ToArray();
            }
        }
    }

    /// <summary>Records one acknowledgement; false when its id was already received (a resend).</summary>
    /// <param name="acknowledgedDistributionId">The distribution it acknowledges.</param>
    /// <param name="acknowledgementId">The RC-REF's own distribution id, when it came in an envelope.</param>
    public bool Record(string acknowledgedDistributionId, string? acknowledgementId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(acknowledgedDistributionId);
        lock (_lock)
        {
            if (acknowledgementId is not null && !Remember(acknowledgementId))
            {
                _duplicates++;
                return false;
            }
            _count++;
            _recent.Enqueue(acknowledgedDistributionId);
            if (_recent.Count > Retained)
            {
                _recent.Dequeue();
            }
            return true;
        }
    }

    private bool Remember(string acknowledgementId)
    {
        if (!_seen.Add(acknowledgementId))
        {
            return false;
        }
        _seenOrder.Enqueue(acknowledgementId);
        if (_seenOrder.Count > RememberedIds)
        {
            _seen.Remove(_seenOrder.Dequeue());
        }
        return true;
    }
}
