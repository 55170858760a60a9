using Enki.Infrastructure.Geography;
using Microsoft.Net.Http.Headers;

namespace Enki.Web.Api;

public static class GeographyEndpoints
{
    public const string DepartmentOutlinesPath = "/api/v1/geography/departments.geojson";

    /// <summary>Commune outlines of one department: <c>/api/v1/geography/communes/77.geojson</c>.</summary>
    public const string CommuneOutlinesPath = "/api/v1/geography/communes/{department}.geojson";

    /// <summary>The commune outlines address of a department, relative to the base URI (as the map fetches it).</summary>
    public static string CommuneOutlinesUrl(string departmentCode) =>
        CommuneOutlinesPath.TrimStart('/').Replace("{department}", Uri.EscapeDataString(departmentCode), StringComparison.Ordinal);

    /// <summary>Maps the read-only geography API used by the map.</summary>
    public static IEndpointRouteBuilder MapGeographyEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var geography = app.MapGroup("").WithTags("Géographie").ProducesProblem(StatusCodes.Status401Unauthorized);
        geography.MapGet(DepartmentOutlinesPath, (HttpContext context, DepartmentOutlines outlines) => Serve(context, outlines))
            .WithName("DepartmentOutlines")
            .WithSummary("Outlines of the 101 departments (properties code, name), for the map; cached a day (ETag).")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json");
        geography.MapGet(CommuneOutlinesPath, (HttpContext context, string department, CommuneOutlines outlines) =>
                outlines.OfDepartment(department) is { } content ? Serve(context, content) : ApiProblems.NotFound($"Département inconnu : « {department} »."))
            .WithName("CommuneOutlines")
            .WithSummary("Outlines of one department's communes (properties code, name), for the map; cached a day (ETag).")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Serve(HttpContext context, GeoJsonContent content)
    {
        // Outlines only change with a deployment: cache for a day, revalidate with the ETag
        // (the file result answers 304 Not Modified to a matching If-None-Match).
        context.Response.Headers.CacheControl = "public, max-age=86400";
        context.Response.Headers.Vary = "Accept-Encoding";
        // Hand the gzip made once over rather than recompress per request.
        var gzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (gzip)
        {
            context.Response.Headers.ContentEncoding = "gzip";
        }
        return Results.Bytes(
            gzip ? content.GzippedGeoJson : content.GeoJson,
            contentType: "application/geo+json",
            entityTag: EntityTagHeaderValue.Parse(content.ETag));
    }
}
