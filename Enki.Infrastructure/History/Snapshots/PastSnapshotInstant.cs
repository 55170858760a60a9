using Enki.Domain.History;

namespace Enki.Infrastructure.History.Snapshots;

/// <summary>
/// A snapshot complete on one clock at one instant: listed in the same transaction as its rows, so a query never
/// reads half of one.
/// </summary>
public sealed class PastSnapshotInstant
{
    public HistoryClock Clock { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>
    /// The stream read up to this sequence number: its rows hold every event numbered up to here that falls before
    /// <see cref="At"/>. A later event falling before <see cref="At"/> (a late message) is not in them: a query
    /// rebuilds its incident from the events, and the job's next run mends the rows and moves this forward.
    /// </summary>
    public long UpToSequence { get; set; }

    /// <summary>When it was taken (Enki's clock).</summary>
    public DateTimeOffset TakenAt { get; set; }
}
