using System.Security.Claims;
using Enki.Domain.Access;
using Enki.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Access;

/// <summary>The person behind a principal as the store holds them now (see <see cref="CurrentPrincipal"/>).</summary>
public interface ICurrentPrincipal
{
    /// <summary>The viewer now, or null when the account or the session no longer allows anything.</summary>
    Task<Viewer?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default);
}

/// <summary>
/// The person behind a principal as the store holds them now: enabled, same security stamp (access
/// unchanged since sign-in), session not signed out. Every request and every query or command of a
/// live screen resolves it at the moment it runs, never a viewer kept from when the page opened.
/// </summary>
public sealed class CurrentPrincipal(IDbContextFactory<EnkiDbContext> dbFactory, UserSessions sessions, IOptions<IdentityOptions> identity)
    : ICurrentPrincipal
{
    public async Task<Viewer?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        // Partner keys live in configuration, read at each request by their own handler.
        if (principal.FindFirstValue(EnkiClaims.CallerKind) == EnkiClaims.PartnerCaller) return principal.ToViewer();
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var session = principal.FindFirstValue(EnkiClaims.Session);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || session is null || stamp is null) return null;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, u.Profile, u.JurisdictionKind, u.JurisdictionCode, u.IsDisabled, u.SecurityStamp })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.IsDisabled || user.SecurityStamp != stamp) return null;
        if (!await sessions.IsActiveAsync(db, id, session, cancellationToken)) return null;
        return new Viewer(id, user.DisplayName, user.Profile, Jurisdiction.Of(user.JurisdictionKind, user.JurisdictionCode));
    }

    /// <summary>A viewer that may see and do nothing: what a revoked screen acts as.</summary>
    public static Viewer Nobody(ClaimsPrincipal principal) =>
        new(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", principal.FindFirstValue(EnkiClaims.DisplayName) ?? "", null, Jurisdiction.Commune("-"));
}
