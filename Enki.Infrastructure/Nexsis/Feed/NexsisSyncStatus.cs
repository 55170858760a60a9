using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Nexsis.Feed;

/// <summary>How fresh NexSIS data is, for the staleness banner.</summary>
/// <param name="StaleSince">When data stopped being fresh (last successful read), null when fresh or pull is off.</param>
public sealed record NexsisFreshness(bool PullEnabled, DateTimeOffset? LastSuccessAt, DateTimeOffset? StaleSince, string? LastError);

public sealed class NexsisSyncStatus(IDbContextFactory<EnkiDbContext> dbFactory, NexsisAddresses addresses, IOptions<NexsisOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private volatile Cached? _cached;

    /// <summary>As of at most a few seconds ago: every open screen asks, the database is asked once.</summary>
    public async Task<NexsisFreshness> ReadCachedAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached && clock.GetUtcNow() - cached.At < CacheFor)
        {
            return cached.Value;
        }
        var value = await ReadAsync(cancellationToken);
        _cached = new Cached(value, clock.GetUtcNow());
        return value;
    }

    private sealed record Cached(NexsisFreshness Value, DateTimeOffset At);

    public async Task<NexsisFreshness> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (addresses.Feed is null)
        {
            return new NexsisFreshness(false, null, null, null);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.NexsisSync.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var last = state?.LastSuccessAt;
        var stale = last is null
            ? state?.LastFailureAt is not null
            : clock.GetUtcNow() - last > options.Value.StaleAfter;
        return new NexsisFreshness(true, last, stale ? last ?? state?.LastFailureAt : null, state?.LastError);
    }
}
