using Enki.Application.Warnings;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Warnings.WebPush;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Enki.Web.Api;

/// <summary>
/// Web Push from the console's own pages and service worker: the VAPID public key, the signed-in person's device
/// subscription (their own only, with the antiforgery token like every form), and the one-tap acknowledgement of a
/// notification's « Acquitter » (no session: the token the push carried is the proof, as in an SMS link).
/// </summary>
public static class WebPushEndpoints
{
    public const string Subscriptions = "/api/web-push/subscriptions";
    public const string Acknowledgements = "/api/web-push/acknowledgements";

    public sealed record PublicKey(string Key);

    public sealed record Unsubscription(string? Endpoint);

    public sealed record Acknowledgement(string? Token);

    public static IEndpointRouteBuilder MapWebPush(this IEndpointRouteBuilder app)
    {
        var push = app.MapGroup("/api/web-push").WithTags("Notifications du téléphone").ProducesProblem(StatusCodes.Status400BadRequest);

        push.MapGet("/public-key", (VapidKeyStore keys) => Results.Ok(new PublicKey(keys.PublicKey)))
            .RequireAuthorization().WithName("WebPushPublicKey")
            .WithSummary("Enki's VAPID public key (base64url), the applicationServerKey of PushManager.subscribe.")
            .Produces<PublicKey>();

        push.MapPost("/subscriptions", async (HttpContext http, [FromBody] WebPushDevice device, WebPushSubscriptions devices, CancellationToken ct) =>
            {
                if (await RefusedAsync(http) is { } refused) return refused;
                var outcome = await devices.RegisterAsync(http.User.ToViewer(), device, http.Request.Headers.UserAgent.ToString(), ct);
                return outcome.Done ? Results.NoContent() : Invalid(outcome.Refusal!);
            })
            .RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute(true)).WithName("WebPushSubscribe")
            .WithSummary("Subscribes this browser (PushSubscription.toJSON(): endpoint, keys) for the signed-in person's warnings.")
            .Produces(StatusCodes.Status204NoContent);

        push.MapDelete("/subscriptions", async (HttpContext http, [FromBody] Unsubscription body, WebPushSubscriptions devices, CancellationToken ct) =>
            {
                if (await RefusedAsync(http) is { } refused) return refused;
                var outcome = await devices.UnregisterAsync(http.User.ToViewer(), body.Endpoint, ct);
                return outcome.Done ? Results.NoContent() : ApiProblems.NotFound(outcome.Refusal!);
            })
            .RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute(true)).WithName("WebPushUnsubscribe")
            .WithSummary("Removes the signed-in person's subscription of this endpoint; another person's is not found.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        push.MapPost("/acknowledgements", async ([FromBody] Acknowledgement body, WarningLinkAcknowledgement links, CancellationToken ct) =>
            {
                var outcome = await links.AcknowledgeAsync(body.Token, ct);
                return outcome.Done
                    ? Results.NoContent()
                    : Results.Problem(title: "Acquittement refusé", detail: outcome.Refusal, statusCode: StatusCodes.Status409Conflict);
            })
            .AllowAnonymous().WithMetadata(new ApiSecurity()).WithName("WebPushAcknowledge")
            .WithSummary("« Acquitter » from a notification: spends the token the push carried and acknowledges its warning as its person.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>
    /// The middleware only records its token check (header <c>RequestVerificationToken</c>) for POST, PUT and PATCH, and does
    /// not refuse by itself: enforced here, as for the sign-out, and checked here for DELETE.
    /// </summary>
    private static async Task<IResult?> RefusedAsync(HttpContext http)
    {
        var valid = http.Features.Get<IAntiforgeryValidationFeature>() is { } checkedByMiddleware
            ? checkedByMiddleware.IsValid
            : await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        return valid
            ? null
            : Results.Problem(title: "Demande refusée", detail: "Jeton anti-contrefaçon absent ou invalide.", statusCode: StatusCodes.Status400BadRequest);
    }

    private static IResult Invalid(string refusal) =>
        Results.Problem(title: "Abonnement refusé", detail: refusal, statusCode: StatusCodes.Status400BadRequest);
}
