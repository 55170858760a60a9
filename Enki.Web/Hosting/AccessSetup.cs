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
            // Forbidden answers 403 in place; the status page shows « Accès refusé ».
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        }));
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.Scheme, null);
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
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            // Route gates ask the access policy, with the principal of the request at hand.
            .AddPolicy(EnkiPolicies.Administrator, p => p.RequireAssertion(c => AccessPolicy.MayAdminister(c.User.ToViewer())))
            .AddPolicy(EnkiPolicies.AccountManager, p => p.RequireAssertion(c => AccessPolicy.MayManageAccounts(c.User.ToViewer())))
            .AddPolicy(EnkiPolicies.DirectoryEditor, p => p.RequireAssertion(c => AccessPolicy.MayEditDirectory(c.User.ToViewer())))
            .AddPolicy(EnkiPolicies.Api, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.Scheme)
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

    /// <summary>Only paths of this site: no scheme, no host, no protocol-relative <c>//</c> or <c>/\</c>.</summary>
    public static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(char.IsControl)
            ? url
            : "/";
}

/// <summary>Re-checks the security stamp of an open circuit, so that a disabled account loses its live session too.</summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || user.IsDisabled) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
