namespace Enki.Infrastructure.Events;

/// <summary>
/// News that events were committed, so that the dispatcher's readers read the stream at once rather
/// than at their next poll. In process on one node; a cross-node bus (Redis publish/subscribe)
/// implements it to ring every node. The news carries no event: readers always take the stream from
/// the database by sequence, so a ring that is lost (a node reconnecting) only delays them until
/// their poll, and a node that missed events catches up from the stream itself.
/// </summary>
public interface ICommitBell
{
    /// <summary>Completes at the next ring.</summary>
    Task NextAsync();

    /// <summary>Events were committed.</summary>
    void Ring();
}
