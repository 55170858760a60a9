using Enki.Infrastructure.Geography;
using Microsoft.Net.Http.Headers;

namespace Enki.Web.Api;

public static class GeographyEndpoints
{
    public const string DepartmentOutlinesPath = "/api/geographie/departements.geojson";

    /// <summary>Maps the read-only geography API used by the map.</summary>
    public static IEndpointRouteBuilder MapGeographyEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(DepartmentOutlinesPath, (HttpContext context, DepartmentOutlines outlines) =>
            {
                // The outlines only change with a deployment: cache for a day, revalidate with the ETag
                // (the file result answers 304 Not Modified to a matching If-None-Match).
                context.Response.Headers.CacheControl = "public, max-age=86400";
                context.Response.Headers.Vary = "Accept-Encoding";
                // ~3 MB raw, ~0.65 MB as stored: hand the stored gzip over rather than recompress per request.
                var gzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
                if (gzip)
                {
                    context.Response.Headers.ContentEncoding = "gzip";
                }
                return Results.Bytes(
                    gzip ? outlines.GzippedGeoJson : outlines.GeoJson,
                    contentType: "application/geo+json",
                    entityTag: EntityTagHeaderValue.Parse(outlines.ETag));
            })
            .WithName("DepartementsGeoJson");
        return app;
    }
}
