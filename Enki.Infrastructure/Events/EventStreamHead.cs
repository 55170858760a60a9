using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Events;

/// <summary>
/// The stream's one counter row. A unit of work that records events first moves it forward by their
/// count inside its transaction: the row stays locked until the commit, so the next writer takes its
/// numbers only after this one committed. Numbers are therefore committed in order and without gaps
/// on every provider (an identity column would let two transactions commit out of order).
/// </summary>
public sealed class EventStreamHead
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long LastSequence { get; set; }
}

public static class EventStreamHeadReading
{
    /// <summary>The last number the stream has committed.</summary>
    public static Task<long> StreamHeadAsync(this EnkiDbContext db, CancellationToken cancellationToken) =>
        db.Set<EventStreamHead>().Where(h => h.Id == EventStreamHead.SingleId).Select(h => h.LastSequence).SingleAsync(cancellationToken);
}
