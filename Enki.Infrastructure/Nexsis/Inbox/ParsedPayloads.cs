using System.Collections.Concurrent;
using Enki.Infrastructure.Nexsis.Formats;

namespace Enki.Infrastructure.Nexsis.Inbox;

/// <summary>
/// Hands what the inbox writer read from a payload to the intake, so a pushed message is parsed
/// once: the writer reads it to answer the sender, the intake takes that reading by the stored
/// row's id instead of parsing the payload again. Bounded; a reading missing here (restart, full,
/// another process) is simply parsed again from the stored payload, which stays the truth.
/// </summary>
public sealed class ParsedPayloads
{
    /// <summary>Enough for several intake batches of a storm; beyond it the intake parses.</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<long, (string Hash, NexsisReadSuccess Read)> _byRow = new();

    public int Count => _byRow.Count;

    /// <summary>Keeps the reading of a committed row.</summary>
    public void Keep(long rowId, string payloadHash, NexsisReadSuccess read)
    {
        if (_byRow.Count < Capacity)
        {
            _byRow[rowId] = (payloadHash, read);
        }
    }

    /// <summary>The reading of this row's payload, once; null when it must be parsed.</summary>
    public NexsisReadSuccess? Take(InboxMessage row) =>
        _byRow.TryRemove(row.Id, out var kept) && kept.Hash == row.PayloadHash ? kept.Read : null;
}
