using Enki.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Access;

/// <summary>
/// Server-side sessions, so that signing out ends that session for good: a copy of its cookie stops
/// working at once. One row per signed-in browser in Identity's own token table (AspNetUserTokens,
/// provider <see cref="Provider"/>, name = session id, value = start time), so no new table.
/// Chosen over rotating the security stamp, which would also end the person's other sessions (the
/// crisis room's wall display, their phone) and only bite at the next stamp validation.
/// </summary>
public sealed class UserSessions(IDbContextFactory<EnkiDbContext> dbFactory, TimeProvider clock, SessionRevocations revocations)
{
    public const string Provider = "[EnkiSession]";

    /// <summary>A session ends this long after sign-in at the latest, however active.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    public async Task<string> StartAsync(string userId, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Sessions left to expire (browser closed without signing out) go when their owner signs in again.
        var mine = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ToListAsync(cancellationToken);
        db.UserTokens.RemoveRange(mine.Where(t => !IsFresh(t.Value, now)));
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = id, Value = now.ToString("O") });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    public async Task<bool> IsActiveAsync(EnkiDbContext db, string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        var started = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == sessionId)
            .Select(t => t.Value).FirstOrDefaultAsync(cancellationToken);
        return started is not null && IsFresh(started, clock.GetUtcNow());
    }

    /// <summary>Ends the session for good and tells its open screens.</summary>
    public async Task EndAsync(string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == sessionId)
                .ExecuteDeleteAsync(cancellationToken);
        }
        revocations.RevokeSession(userId, sessionId);
    }

    private static bool IsFresh(string? started, DateTimeOffset now) =>
        DateTimeOffset.TryParse(started, out var at) && now - at < MaxAge;
}
