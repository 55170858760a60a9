namespace Enki.Infrastructure.History.Snapshots;

/// <summary>Settings under <c>Enki:History</c>: the past's snapshots.</summary>
public sealed class HistoryOptions
{
    public const string Section = "Enki:History";

    /// <summary>Whether the recurring job takes snapshots; off, past queries replay the whole stream of their scope.</summary>
    public bool Snapshots { get; set; } = true;

    /// <summary>
    /// Time between two snapshots on each clock: a past query replays at most this much of the stream after its
    /// snapshot; each snapshot stores the cases open then and those opened in the 24 hours before.
    /// </summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long after its instant a snapshot is taken: the commits under way then have landed.</summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one run of the job keeps taking snapshots (a long history is caught up over several runs).</summary>
    public TimeSpan RunBudget { get; set; } = TimeSpan.FromMinutes(2);
}
