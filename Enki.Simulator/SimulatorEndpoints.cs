using System.Globalization;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enki.Simulator;

/// <summary>The built-in NexSIS simulator's HTTP side: the feed, the acknowledgements and the status.</summary>
public static class SimulatorEndpoints
{
    public const string FeedPath = SimulatorPaths.Feed;
    public const string AcknowledgementsPath = SimulatorPaths.Acknowledgements;
    public const string StatusPath = SimulatorPaths.Status;

    /// <summary>Largest RC-REF body accepted.</summary>
    private const int MaxAcknowledgementBytes = 64 * 1024;

    /// <summary>Maps the simulator's endpoints, only when the simulator is enabled (<c>AddNexsisSimulator</c>).</summary>
    public static IEndpointRouteBuilder MapNexsisSimulator(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetService<IOptions<SimulatorOptions>>()?.Value;
        if (options is not { Enabled: true } || app.ServiceProvider.GetService<NexsisSimulator>() is null)
        {
            return app;
        }

        // The simulator stands for the exchange platform: no Enki account, but the NexSIS key, because its
        // feed carries (made-up) callers' names and phone numbers like the real one.
        // Not in Enki's OpenAPI document: it stands for NexSIS's platform, whose protocol NexSIS documents.
        var simulatorApi = app.MapGroup("").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
            NexsisKey.Matches(context.HttpContext.Request, context.HttpContext.RequestServices.GetRequiredService<IOptions<NexsisOptions>>().Value.InboundApiKey)
                ? await next(context)
                : Error(StatusCodes.Status401Unauthorized, "Clé X-Api-Key absente ou invalide", "le simulateur demande la clé NexSIS (Enki:Nexsis:InboundApiKey)"));
        simulatorApi.MapGet(FeedPath, ReadFeed).WithName("SimulateurNexsisFlux");
        simulatorApi.MapPost(AcknowledgementsPath, AcknowledgeAsync).WithName("SimulateurNexsisAcquittements");
        simulatorApi.MapGet(StatusPath, (NexsisSimulator simulator) => Results.Json(simulator.Status())).WithName("SimulateurNexsisEtat");
        // The vigilance maps of the scenarios, public like Météo-France's and Vigicrues' (whose key is not checked here).
        var vigilance = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        vigilance.MapGet(SimulatorPaths.VigilanceMeteoFrance, (SimulatedVigilance maps) => Results.Text(maps.MeteoFranceJson(), "application/json"));
        vigilance.MapGet(SimulatorPaths.VigilanceVigicrues, (SimulatedVigilance maps) => Results.Text(maps.VigicruesGeoJson(), "application/geo+json"));
        return app;
    }

    private static IResult ReadFeed(string? after, string? limit, NexsisSimulator simulator)
    {
        var size = SimulatedFeed.DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            return Error(StatusCodes.Status400BadRequest, "Paramètre limit invalide", $"entier de 1 à {SimulatedFeed.MaxLimit} attendu, reçu « {limit} »");
        }

        return simulator.Feed.Read(after, Math.Min(size, SimulatedFeed.MaxLimit)) switch
        {
            FeedPage page => Results.Json(new FeedResponse(
                page.Cursor,
                page.Messages.Select(m => new FeedMessage(m.Id, m.ContentType, m.Payload)).ToArray())),
            FeedCursorGone gone => Error(StatusCodes.Status410Gone, "Curseur périmé", gone.Reason),
            FeedCursorInvalid invalid => Error(StatusCodes.Status400BadRequest, "Curseur invalide", invalid.Reason),
            _ => Results.StatusCode(StatusCodes.Status500InternalServerError),
        };
    }

    private static async Task<IResult> AcknowledgeAsync(HttpRequest request, NexsisSimulator simulator, NexsisMessageReader reader, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxAcknowledgementBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "Acquittement trop volumineux", $"{MaxAcknowledgementBytes} octets au plus");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > MaxAcknowledgementBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "Acquittement trop volumineux", $"{MaxAcknowledgementBytes} octets au plus");
        }

        switch (reader.Read(body.ToArray()))
        {
            case ReadFailure failure:
                return Error(StatusCodes.Status400BadRequest, failure.Reason, failure.Detail);
            case NexsisReadSuccess success:
                var references = success.Messages.OfType<AcknowledgementReceived>().ToArray();
                if (references.Length == 0)
                {
                    return Error(StatusCodes.Status400BadRequest, "Le message n'est pas un acquittement RC-REF", "aucun objet reference");
                }

                foreach (var reference in references)
                {
                    simulator.Acknowledgements.Record(reference.AcknowledgedDistributionId, success.Distribution.DistributionId);
                }

                return Results.Accepted();
            default:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>A refusal as problem details, French <c>title</c> and <c>detail</c>, like Enki's API.</summary>
    private static IResult Error(int status, string error, string detail) =>
        Results.Problem(title: error, detail: detail, statusCode: status);

    /// <summary>The feed page of the protocol.</summary>
    public sealed record FeedResponse(string Cursor, IReadOnlyList<FeedMessage> Messages);

    /// <summary>One message of a feed page.</summary>
    public sealed record FeedMessage(string Id, string ContentType, string Payload);
}
