using System.Security.Claims;
using System.Text.Json;
using Enki.Domain.Access;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Enki.Web.Hosting;

public static class EnkiPolicies
{
    public const string Administrator = "administrateur";
    public const string AccountManager = "gestion-comptes";
    public const string DirectoryEditor = "annuaire-edition";
    public const string Api = "api";
}

public static class AccessSetup
{
    public const string OidcScheme = "oidc";

    /// <summary>Cookie sign-in (Identity), partner API keys, optional OpenID Connect, and the policies.</summary>
    public static IServiceCollection AddEnkiAuthentication(this IServiceCollection services, EnkiOptions enki)
    {
        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
        {
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.ReturnUrlParameter = "returnUrl";
            o.Cookie.Name = "enki.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                ? ApiKeyAuthenticationHandler.WriteUnauthorizedAsync(context.HttpContext)
                : Redirect(context);
            // Every request re-checks its principal against the store (enabled, access unchanged, session
            // not signed out): a copied cookie dies with its session at once. Identity's stamp check
            // (every minute) stays behind it as the safety net.
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                var current = context.HttpContext.RequestServices.GetRequiredService<ICurrentPrincipal>();
                if (context.Principal is null || await current.ResolveAsync(context.Principal, context.HttpContext.RequestAborted) is null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await stampCheck(context);
            };
            // Signing in (or out) on these pages follows their returnUrl: only this site's paths, and
            // percent-encoded, since a raw non-ASCII Location header makes Kestrel answer 500.
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Headers.Location = LocalOrHome(context.RedirectUri);
                return Task.CompletedTask;
            };
            // Forbidden answers 403 in place; the status page shows « Accès refusé », the API a problem.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                if (IsApi(context.Request)) return Api.ApiProblems.Forbidden().ExecuteAsync(context.HttpContext);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        }));
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (enki.Oidc.Enabled)
        {
            authentication.AddOpenIdConnect(OidcScheme, enki.Oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = enki.Oidc.Authority;
                o.ClientId = enki.Oidc.ClientId;
                o.ClientSecret = enki.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.Scope.Add("email");
                o.CallbackPath = "/signin-oidc";
            });
        }

        // Disabled accounts and changed rights reach open sessions within a minute.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
            // The refreshed principal keeps its session.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(EnkiClaims.Session) is { } session
                    && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == EnkiClaims.Session))
                {
                    identity.AddClaim(new Claim(EnkiClaims.Session, session.Value));
                }
                return Task.CompletedTask;
            };
        });
        SignInThrottle.AddEnkiSignInThrottle(services);

        services.AddScoped<Live.CircuitPrincipal>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            // Route gates ask the access policy, with the principal of the request at hand.
            .AddPolicy(EnkiPolicies.Administrator, p => p.RequireAssertion(c => AccessPolicy.MayAdminister(c.User.ToViewer())))
            .AddPolicy(EnkiPolicies.AccountManager, p => p.RequireAssertion(c => AccessPolicy.MayManageAccounts(c.User.ToViewer())))
            .AddPolicy(EnkiPolicies.DirectoryEditor, p => p.RequireAssertion(c => AccessPolicy.MayEditDirectory(c.User.ToViewer())))
            .AddPolicy(EnkiPolicies.Api, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Only paths of this site: no scheme, no host, no protocol-relative <c>//</c> or <c>/\</c>.
    /// Characters outside ASCII are percent-encoded (UTF-8), as a Location header must be.
    /// </summary>
    public static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(char.IsControl)
            ? AsciiOnly(url)
            : "/";

    private static string AsciiOnly(string url)
    {
        if (System.Text.Ascii.IsValid(url)) return url;
        var ascii = new System.Text.StringBuilder(url.Length * 2);
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii) ascii.Append((char)rune.Value);
            else ascii.Append(Uri.EscapeDataString(rune.ToString()));
        }
        return ascii.ToString();
    }
}

/// <summary>
/// Re-checks an open circuit's principal every minute (account, stamp, session): the safety net
/// behind the revocations pushed at once to open screens (<see cref="Live.CircuitPrincipal"/>).
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(ILoggerFactory loggerFactory, ICurrentPrincipal current)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        await current.ResolveAsync(state.User, cancellationToken) is not null;
}
