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
                return Results.Bytes(
                    outlines.GeoJson,
                    contentType: "application/geo+json",
                    entityTag: EntityTagHeaderValue.Parse(outlines.ETag));
            })
            .WithName("DepartementsGeoJson");
        return app;
    }
}
