using System.Text;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Nexsis.Intake;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Nexsis.Feed;

/// <summary>
/// One read of the feed from the persisted cursor: payloads go to the inbox first, then the cursor
/// moves. A crash in between re-reads the same messages, which the inbox stores once.
/// </summary>
public sealed class FeedPuller(
    NexsisFeedClient client,
    NexsisAddresses addresses,
    InboxWriter inbox,
    IntakeTrigger intake,
    IDbContextFactory<EnkiDbContext> dbFactory,
    TimeProvider clock,
    ILogger<FeedPuller> logger)
{
    public const int PageSize = 500;

    /// <summary>Reads until the feed has nothing new; returns how many messages were stored.</summary>
    public async Task<int> PullAsync(CancellationToken cancellationToken)
    {
        if (addresses.Feed is not { } feed)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.NexsisSync.FindAsync([NexsisSyncState.SingletonId], cancellationToken)
                    ?? db.NexsisSync.Add(new NexsisSyncState()).Entity;
        var stored = 0;
        try
        {
            while (true)
            {
                FeedPage page;
                try
                {
                    page = await client.ReadAsync(feed, state.Cursor, PageSize, cancellationToken);
                }
                catch (FeedCursorExpiredException)
                {
                    // Start over from what the platform still holds; the inbox drops what it already has.
                    logger.LogError("NexSIS feed cursor {Cursor} expired: reading the feed again from its oldest message; messages in between may be missing", state.Cursor);
                    state.Cursor = null;
                    state.LastError = "Curseur du flux périmé : relecture depuis le plus ancien message disponible.";
                    continue;
                }
                foreach (var entry in page.Messages)
                {
                    await inbox.StoreAsync(InboxChannel.Pull, feed.Host, entry.ContentType, Encoding.UTF8.GetBytes(entry.Payload), cancellationToken);
                }
                stored += page.Messages.Count;
                state.Cursor = page.Cursor ?? state.Cursor;
                state.LastSuccessAt = clock.GetUtcNow();
                state.ConsecutiveFailures = 0;
                state.LastError = null;
                await db.SaveChangesAsync(cancellationToken);
                if (page.Messages.Count > 0)
                {
                    intake.Request();
                }
                if (page.Messages.Count < PageSize)
                {
                    return stored;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException or System.Text.Json.JsonException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            state.LastFailureAt = clock.GetUtcNow();
            state.ConsecutiveFailures++;
            state.LastError = ex.Message.Length > 900 ? ex.Message[..900] : ex.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("NexSIS feed unreachable ({Failures} failure(s) in a row): {Error}", state.ConsecutiveFailures, ex.Message);
            return stored;
        }
    }
}
