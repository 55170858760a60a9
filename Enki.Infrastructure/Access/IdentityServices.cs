using Enki.Domain.Access;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Access;

/// <summary>Adds profile, jurisdiction and display name to the sign-in cookie.</summary>
public sealed class EnkiClaimsPrincipalFactory(UserManager<EnkiUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<EnkiUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(EnkiUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(EnkiClaims.Profile, user.Profile.Code()));
        identity.AddClaim(new Claim(EnkiClaims.Jurisdiction, user.Jurisdiction.ToString()));
        identity.AddClaim(new Claim(EnkiClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(EnkiClaims.CallerKind, "utilisateur"));
        return identity;
    }
}

/// <summary>
/// A disabled account can neither sign in nor keep a session going; every sign-in opens a server-side
/// session (<see cref="UserSessions"/>) that signing out ends for good.
/// </summary>
public sealed class EnkiSignInManager(
    UserManager<EnkiUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<EnkiUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<EnkiUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<EnkiUser> confirmation,
    UserSessions sessions)
    : SignInManager<EnkiUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(EnkiUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>Every way in (password, single sign-on) passes here: the cookie carries its session's id.</summary>
    public override async Task SignInWithClaimsAsync(EnkiUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var session = await sessions.StartAsync(user.Id);
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(EnkiClaims.Session, session)]);
    }

    public override async Task SignOutAsync()
    {
        var principal = Context.User;
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && principal.FindFirstValue(EnkiClaims.Session) is { } session)
        {
            await sessions.EndAsync(id, session);
        }
        await base.SignOutAsync();
    }

    public override async Task<EnkiUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
