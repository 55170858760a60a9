namespace Enki.Infrastructure.Events;

/// <summary>Settings of the dispatcher (<c>Enki:Events</c>).</summary>
public sealed class EventsOptions
{
    public const string Section = "Enki:Events";

    /// <summary>
    /// Whether this node delivers the stream to its handlers. Off, it only records: a node kept for
    /// writes or maintenance; what it recorded waits in the stream for a node that delivers.
    /// </summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>How often each handler looks for events committed elsewhere (another node, a caller's transaction).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events read per batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>This node's name in the durable handlers' leases (machine, process and a random part by default).</summary>
    public string Node { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// How long a node holds a durable handler without renewing (renewed at half of it): after a node
    /// dies, another takes its durable handlers over within this delay, from their saved positions.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A failing handler waits 1 s, 2 s, 4 s… up to this before it tries again.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
