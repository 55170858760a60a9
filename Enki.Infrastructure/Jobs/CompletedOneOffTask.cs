namespace Enki.Infrastructure.Jobs;

/// <summary>
/// A task that runs to its end once in a database's life (the history from before the stream, rebuilt from the inbox), so that later
/// starts do not read the whole store again to find there is nothing left to do: at 5 M incidents on PostgreSQL that reading alone
/// outran a command's 30 s at every start.
/// </summary>
public sealed class CompletedOneOffTask
{
    public string Name { get; set; } = "";

    public DateTimeOffset CompletedAt { get; set; }
}
