namespace Enki.Infrastructure.Jobs;

/// <summary>
/// A Hangfire queue only this node's server reads (besides the shared « default » one). A run asked for
/// by this node goes there, so it starts here: in the shared queue another node could fetch it and die
/// before starting it (SIGKILL), and the run stayed « processing » on the dead node for Hangfire's
/// invisibility timeout while this node, believing it still to come, queued nothing more. Pushes then
/// waited for the minutely recurring run.
/// </summary>
public sealed class NodeJobQueue
{
    public const string Prefix = "node-";

    /// <summary>Lower-case letters, digits and dashes, as Hangfire requires of a queue name.</summary>
    public string Name { get; } = Prefix + Guid.NewGuid().ToString("N")[..12];
}
