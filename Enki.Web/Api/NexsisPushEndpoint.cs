using System.Buffers;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Nexsis.Intake;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Enki.Web.Api;

public static class NexsisPushEndpoint
{
    public const string Path = "/api/nexsis/messages";

    /// <summary>Largest payload accepted (a distribution with attachments stays far below).</summary>
    private const int MaxPayloadBytes = 4 * 1024 * 1024;

    /// <summary>
    /// NexSIS pushes a distribution: it is stored first (202 with its id), unreadable payloads and
    /// cases that cannot be placed are stored in quarantine (400 with the reason), and the intake job
    /// is asked to run.
    /// </summary>
    public static IEndpointRouteBuilder MapNexsisPush(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpRequest request, IOptions<NexsisOptions> options, InboxWriter inbox, IntakeTrigger intake, CancellationToken cancellationToken) =>
            {
                if (!NexsisKey.Matches(request, options.Value.InboundApiKey))
                {
                    return ApiProblems.Unauthorized("Clé X-Api-Key absente ou invalide.");
                }
                // A declared length above the cap is answered before the body is read (Kestrel's own 30 MB limit would throw).
                if (request.ContentLength > MaxPayloadBytes)
                {
                    LetKestrelDrain(request);
                    return TooLarge();
                }
                if (await ReadBodyAsync(request, cancellationToken) is not { } payload)
                {
                    return TooLarge();
                }
                var receipt = await inbox.StoreAsync(InboxChannel.Push, "nexsis-push", request.ContentType, payload, cancellationToken);
                if (receipt.Failure is { } failure)
                {
                    // The reason as title (« Lieu introuvable… »), the quarantined row's id to find it again.
                    return Results.Problem(title: failure.Reason, detail: failure.Detail, statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["reference"] = receipt.InboxId });
                }
                intake.Request();
                return Results.Accepted(value: new PushReceipt(receipt.DistributionId, receipt.InboxId, receipt.Duplicate));
            })
            .AllowAnonymous() // NexSIS authenticates with its own key, checked above
            .DisableAntiforgery()
            .WithName("NexsisPush")
            .WithMetadata(ApiSecurity.Nexsis).WithTags("NexSIS")
            .WithSummary("NexSIS pushes one distribution (CISU XML under EDXL-DE, or hub JSON).")
            .WithDescription("Stored first, then applied by the intake job: 202 with its id. Unreadable, over a field's limit or "
                + "placed in no commune: 400, kept in quarantine (`reference` names it). Over 4 MB: 413. Without the NexSIS key: 401.")
            .Accepts<string>("application/json", "application/xml", "text/xml")
            .Produces<PushReceipt>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static IResult TooLarge() =>
        Results.Problem(title: "Message trop volumineux", detail: $"Message trop volumineux (plus de {MaxPayloadBytes / 1024 / 1024} Mo).",
            statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// A stored distribution: its EDXL-DE id, the inbox row holding it (<c>reference</c>), and whether the same
    /// payload had already been received (<c>duplicate</c>: stored once, answered 202 again).
    /// </summary>
    public sealed record PushReceipt(string? DistributionId, long Reference, bool Duplicate);

    /// <summary>
    /// A client that sends its whole body without waiting (no « Expect: 100-continue ») only reads the
    /// 413 once its body is sent: Kestrel discards the unread body after the answer, which its 30 MB
    /// limit would cut short (the client then sees a broken connection, not the answer). Discarding
    /// is allowed up to <see cref="MaxDiscardedBytes"/>; beyond it, the connection is closed.
    /// </summary>
    private static void LetKestrelDrain(HttpRequest request)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit
            && request.ContentLength <= MaxDiscardedBytes)
        {
            limit.MaxRequestBodySize = request.ContentLength;
        }
    }

    private const long MaxDiscardedBytes = 64 * 1024 * 1024;

    /// <summary>The body, or null when larger than <see cref="MaxPayloadBytes"/>. One array of the announced size when the length is known.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            if (length > MaxPayloadBytes)
            {
                return null;
            }
            var payload = new byte[length];
            await request.Body.ReadExactlyAsync(payload, cancellationToken);
            return payload;
        }
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxPayloadBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
