using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Enki.Web.Hosting;

public static class AccountEndpoints
{
    /// <summary>Who the caller is and what it may see.</summary>
    public const string MePath = "/api/v1/me";

    /// <summary>The caller as the API shows it: <c>caller</c> is <c>user</c> (a person's session) or <c>partner</c> (an API key).</summary>
    public sealed record Me(string Name, string Caller, string? Profile, string Jurisdiction, string JurisdictionLabel);

    /// <summary>Sign-out, single sign-on round trip, and the partner API's first read.</summary>
    public static IEndpointRouteBuilder MapEnkiAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/compte/deconnexion", async (HttpContext context, SignInManager<EnkiUser> signIn, IAuditTrail audit) =>
        {
            // The middleware only records the token check for endpoints that bind no form: enforce it here.
            // With a body, so the status page does not re-execute the POST.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Results.Text("Demande refusée : jeton anti-contrefaçon absent ou invalide.", statusCode: StatusCodes.Status400BadRequest);
            }
            var viewer = context.User.ToViewer();
            await signIn.SignOutAsync();
            await audit.RecordAsync(AuditActions.SignOut, context.User.Identity?.Name, null, null, viewer);
            return Results.Redirect("/compte/connexion");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute(true));

        // Without single sign-on configured, both ends answer with the sign-in page and a French note.
        const string Unavailable = "/compte/connexion?erreur=externe-indisponible";
        app.MapGet("/compte/connexion-externe", (string? returnUrl, EnkiOptions options) =>
        {
            if (!options.Oidc.Enabled) return Results.Redirect(Unavailable);
            var back = $"/compte/connexion-externe/retour?returnUrl={Uri.EscapeDataString(AccessSetup.LocalOrHome(returnUrl))}";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [AccessSetup.OidcScheme]);
        }).AllowAnonymous();

        app.MapGet("/compte/connexion-externe/retour", async (HttpContext context, string? returnUrl,
            SignInManager<EnkiUser> signIn, IAuditTrail audit, EnkiOptions options) =>
        {
            if (!options.Oidc.Enabled) return Results.Redirect(Unavailable);
            var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            var email = external.Principal?.FindFirst("email")?.Value
                ?? external.Principal?.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value;
            var user = await MatchExternalAsync(signIn, email);
            if (user is null)
            {
                await audit.RecordAsync(AuditActions.ExternalRefused, email ?? "(adresse absente)",
                    "Aucun compte Enki actif pour cette adresse.", actorName: email);
                return Results.Redirect("/compte/connexion?erreur=externe");
            }
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: AccessSetup.OidcScheme);
            await audit.RecordAsync(AuditActions.SignIn, user.UserName, "Connexion externe", user,
                new Viewer(user.Id, user.DisplayName, user.Profile, user.Jurisdiction));
            return Results.Redirect(AccessSetup.LocalOrHome(returnUrl));
        }).AllowAnonymous();

        app.MapGet(MePath, (HttpContext context) =>
        {
            var viewer = context.User.ToViewer();
            return Results.Ok(new Me(
                viewer.Name,
                context.User.FindFirst(EnkiClaims.CallerKind)?.Value == EnkiClaims.PartnerCaller ? "partner" : "user",
                viewer.Profile?.Code(),
                viewer.Jurisdiction.ToString(),
                viewer.Jurisdiction.Label));
        }).RequireAuthorization(EnkiPolicies.Api)
        .WithMetadata(Api.ApiSecurity.PartnerKeyOrSession).WithTags("Compte").WithName("Me")
        .WithSummary("Who the caller is and what it may see: a person's session or a partner's key, its jurisdiction.")
        .Produces<Me>()
        .ProducesProblem(StatusCodes.Status401Unauthorized);

        return app;
    }

    /// <summary>An external identity is only ever matched to an existing, enabled account by e-mail: no self-registration.</summary>
    public static async Task<EnkiUser?> MatchExternalAsync(SignInManager<EnkiUser> signIn, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var user = await signIn.UserManager.FindByEmailAsync(email);
        return user is not null && await signIn.CanSignInAsync(user) && !await signIn.UserManager.IsLockedOutAsync(user) ? user : null;
    }
}
