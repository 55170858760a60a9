using Enki.Web.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enki.Web.Api;

/// <summary>
/// The OpenAPI document partners read (<c>/openapi/v1.json</c>): every <c>/api</c> endpoint and the crisis
/// exports, with the ways to authenticate. Pages, sign-in, health, Hangfire and the built-in NexSIS simulator
/// (a stand-in for the exchange platform, off in production) are not Enki's API and stay out of it.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/v1.json";

    public const string PartnerKey = "partnerKey";
    public const string NexsisKey = "nexsisKey";
    public const string Session = "session";

    public static IServiceCollection AddEnkiApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => IsDocumented(description.RelativePath);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Enki",
                    Version = Name,
                    Description = "Console opérationnelle de crise : lecture des interventions NexSIS dans le périmètre de "
                        + "l'appelant, réception des messages NexSIS, exports d'une crise. Champs en anglais, messages en "
                        + "français, erreurs au format RFC 9457 (application/problem+json).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [PartnerKey] = Header("Clé d'API d'un partenaire (Enki:Api:Keys) : le partenaire voit exactement son périmètre."),
                    [NexsisKey] = Header("Clé de NexSIS (Enki:Nexsis:InboundApiKey), pour le canal de réception seulement."),
                    [Session] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Cookie,
                        Name = "enki.session",
                        Description = "Session d'une personne connectée à la console.",
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var schemes = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiSecurity>().LastOrDefault()?.Schemes ?? [Session];
                // Each scheme alone is enough: one requirement per scheme.
                operation.Security = schemes
                    .Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] })
                    .ToList();
                return Task.CompletedTask;
            });
        });

    /// <summary>The document itself, readable without signing in: it is meant for partners before they hold a key.</summary>
    public static IEndpointRouteBuilder MapEnkiApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    /// <summary>Paths relative to the root, as the API explorer gives them (<c>api/v1/incidents</c>).</summary>
    public static bool IsDocumented(string? relativePath) =>
        relativePath is not null
        && (relativePath.StartsWith("api/", StringComparison.Ordinal)
            || (relativePath.StartsWith("crises/", StringComparison.Ordinal) && System.IO.Path.HasExtension(relativePath)));

    private static OpenApiSecurityScheme Header(string description) => new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = ParameterLocation.Header,
        Name = ApiKeyAuthenticationHandler.Header,
        Description = description,
    };
}

/// <summary>Endpoint metadata: the security schemes of <see cref="ApiDocument"/> that open it (a session when absent).</summary>
public sealed record ApiSecurity(params string[] Schemes)
{
    public static readonly ApiSecurity PartnerKeyOrSession = new(ApiDocument.PartnerKey, ApiDocument.Session);
    public static readonly ApiSecurity Nexsis = new(ApiDocument.NexsisKey);
}
