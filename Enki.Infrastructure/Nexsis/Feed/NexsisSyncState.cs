namespace Enki.Infrastructure.Nexsis.Feed;

/// <summary>
/// The pull channel's persisted position and health: the cursor to resume from after a restart or
/// an outage, and since when data has been fresh or stale.
/// </summary>
public sealed class NexsisSyncState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Opaque position in the exchange platform's feed; null before the first read.</summary>
    public string? Cursor { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    public DateTimeOffset? LastFailureAt { get; set; }

    public string? LastError { get; set; }

    public int ConsecutiveFailures { get; set; }
}
