using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Enki.Web.Hosting;

/// <summary>
/// Per-address throttling of sign-in attempts with ASP.NET Core's rate limiter (settings
/// <c>Enki:SignIn:AttemptsPerAddress</c>, <c>Enki:SignIn:Window</c>). One address gets fewer tries
/// per window than the account lockout needs (10 failures), so an anonymous burst is answered 429
/// before it locks anyone out; the lockout stays for guesses spread over many addresses. (Identity's
/// failure count does not decay: a patient address could still add up to 10 over two windows.)
/// </summary>
public sealed class SignInThrottle
{
    public const string Policy = "connexion";
    public const int DefaultAttemptsPerAddress = 8;

    public int AttemptsPerAddress { get; set; } = DefaultAttemptsPerAddress;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public const string TooMany = "Trop de tentatives de connexion depuis votre adresse : réessayez dans quelques minutes.";

    /// <summary>The policy: posted sign-in forms only, partitioned by the caller's address.</summary>
    public static IServiceCollection AddEnkiSignInThrottle(IServiceCollection services)
    {
        services.AddOptions<SignInThrottle>().BindConfiguration("Enki:SignIn");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(TooMany, cancellationToken);
            };
            o.AddPolicy(Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("");
                var settings = context.RequestServices.GetRequiredService<IOptions<SignInThrottle>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "sans-adresse",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.AttemptsPerAddress,
                        Window = settings.Window,
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }
}
