using System.Security.Claims;
using Enki.Domain.Access;
using Enki.Infrastructure.Access;
using Enki.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Support;

/// <summary>
/// For bUnit rendering tests, which have no accounts in their store: the person is whoever the test's
/// claims say. The check against the store (disabled, stamp, session) is proven over real HTTP and in
/// Chromium (SessionEndTests, SessionRevocationEndToEndTests).
/// </summary>
public sealed class ClaimsAsStoredPrincipal : ICurrentPrincipal
{
    public Task<Viewer?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        Task.FromResult(principal.Identity?.IsAuthenticated == true ? principal.ToViewer() : null);
}

public static class RenderingPrincipal
{
    /// <summary>What pages and live feeds need to know who is watching, in a bUnit context.</summary>
    public static IServiceCollection AddRenderingPrincipal(this IServiceCollection services)
    {
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<ICurrentPrincipal, ClaimsAsStoredPrincipal>();
        services.AddScoped<CircuitPrincipal>();
        return services;
    }
}
