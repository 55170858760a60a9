using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Enki.Domain.Access;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Hosting;
using Enki.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Enki.Web.Hosting;

/// <summary>
/// Partner access with the <c>X-Api-Key</c> header. The principal carries the key's jurisdiction,
/// so partners go through the same filter as people.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, EnkiOptions enki)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values.ToString()));
        ApiKeyOptions? match = null;
        // Every key is compared, in constant time, so timing tells nothing about which one nearly matched.
        foreach (var key in enki.Api.Keys)
        {
            if (string.IsNullOrEmpty(key.Key)) continue;
            if (CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))))
            {
                match ??= key;
            }
        }
        if (match is null || !Jurisdiction.TryParse(match.Scope, out var jurisdiction))
        {
            return Task.FromResult(AuthenticateResult.Fail("Clé d'API inconnue."));
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"api:{match.Name}"),
            new Claim(ClaimTypes.Name, match.Name),
            new Claim(EnkiClaims.DisplayName, match.Name),
            new Claim(EnkiClaims.Jurisdiction, jurisdiction.ToString()),
            new Claim(EnkiClaims.CallerKind, "partenaire"),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WriteUnauthorizedAsync(Context);

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (Response.HasStarted) return;
        await ApiProblems.Forbidden().ExecuteAsync(Context);
    }

    /// <summary>The API never redirects to the sign-in page: a problem-details 401, written once.</summary>
    public static async Task WriteUnauthorizedAsync(HttpContext context)
    {
        if (context.Response.HasStarted) return;
        await ApiProblems.Unauthorized($"Clé d'API absente ou invalide (en-tête {Header}), ou session absente.").ExecuteAsync(context);
    }
}
