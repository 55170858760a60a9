using Enki.Domain.Incidents;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Incidents;
using Enki.Web.Hosting;

namespace Enki.Web.Api;

/// <summary>
/// Read API for partners (GIS, crisis-room displays) and signed-in users: the caller's jurisdiction
/// narrows every answer; callers' personal data is never part of it.
/// </summary>
public static class IncidentApiEndpoints
{
    public static IEndpointRouteBuilder MapIncidentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(EnkiPolicies.Api);

        api.MapGet("/incidents", async (HttpContext context, IncidentQueries queries, [AsParameters] IncidentApiQuery query, CancellationToken ct) =>
        {
            if (query.ToFilter() is not { } filter)
            {
                return Results.BadRequest(new { erreur = query.Error });
            }
            var page = await queries.ListAsync(context.User.ToViewer(), filter, query.Page ?? 0, query.PageSize ?? 100, ct);
            return Results.Ok(new
            {
                total = page.Total,
                page = page.PageIndex,
                pageSize = page.PageSize,
                items = page.Items.Select(IncidentResource.Of),
            });
        });

        api.MapGet("/incidents.geojson", async (HttpContext context, IncidentQueries queries, [AsParameters] IncidentApiQuery query, CancellationToken ct) =>
        {
            if (query.ToFilter() is not { } filter)
            {
                return Results.BadRequest(new { erreur = query.Error });
            }
            var page = await queries.ListAsync(context.User.ToViewer(), filter, query.Page ?? 0, query.PageSize ?? IncidentQueries.MaxPageSize, ct);
            var features = page.Items.Where(i => i.Latitude is not null && i.Longitude is not null).Select(i => new
            {
                type = "Feature",
                id = i.Id,
                geometry = new { type = "Point", coordinates = new[] { i.Longitude!.Value, i.Latitude!.Value } },
                properties = IncidentResource.Of(i),
            });
            return Results.Json(new { type = "FeatureCollection", total = page.Total, features }, contentType: "application/geo+json");
        });

        api.MapGet("/incidents/{id:guid}", async (HttpContext context, IncidentQueries queries, Guid id, CancellationToken ct) =>
            await queries.FindAsync(context.User.ToViewer(), id, ct) is { } incident
                ? Results.Ok(IncidentResource.Of(incident))
                : Results.NotFound(new { erreur = "Incident introuvable." }));

        return app;
    }
}

/// <summary>Query string of the incident API: status, nature family, time range, exercise, paging.</summary>
public sealed record IncidentApiQuery(string? Status, string? NatureFamily, DateTimeOffset? From, DateTimeOffset? To, string? Exercise, int? Page, int? PageSize)
{
    public string? Error { get; private set; }

    public IncidentFilter? ToFilter()
    {
        IncidentStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (!Enum.TryParse<IncidentStatus>(Status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                Error = $"Statut inconnu : « {Status} » (attendu : {string.Join(", ", Enum.GetNames<IncidentStatus>())}).";
                return null;
            }
            status = parsed;
        }
        if (!string.IsNullOrWhiteSpace(NatureFamily) && !System.Text.RegularExpressions.Regex.IsMatch(NatureFamily, "^C(0[1-9]|1[01])$"))
        {
            Error = $"Famille de nature inconnue : « {NatureFamily} » (attendu C01 à C11).";
            return null;
        }
        bool? exercise;
        switch (Exercise?.ToLowerInvariant())
        {
            case null or "" or "false" or "non": exercise = false; break;
            case "true" or "oui": exercise = true; break;
            case "all" or "tous": exercise = null; break;
            default:
                Error = $"Valeur de exercise inconnue : « {Exercise} » (true, false ou all).";
                return null;
        }
        return new IncidentFilter(status, NatureFamily, From, To, exercise);
    }
}

/// <summary>An incident as the API shows it. No caller names or phone numbers, ever.</summary>
internal static class IncidentResource
{
    public static object Of(Incident i) => new
    {
        id = i.Id,
        caseId = i.CaseId,
        natureCode = i.NatureCode,
        natureLabel = i.NatureLabel,
        natureFamily = i.NatureFamily,
        status = i.Status.ToString(),
        statusLabel = i.Status.French(),
        exercise = i.IsExercise,
        communeInsee = i.CommuneCode,
        communeName = i.CommuneName,
        departmentCode = i.DepartmentCode,
        zoneCode = i.ZoneCode,
        latitude = i.Latitude,
        longitude = i.Longitude,
        address = i.Address,
        victims = new
        {
            estimate = i.Victims.Estimate?.ToString(),
            red = i.Victims.Red,
            yellow = i.Victims.Yellow,
            green = i.Victims.Green,
            deceased = i.Victims.Deceased,
            missing = i.Victims.Missing,
            evacuated = i.Victims.Evacuated,
            displaced = i.Victims.Displaced,
        },
        engagedResources = i.Resources.Select(r => new
        {
            id = r.ResourceId,
            name = r.Name,
            kind = r.Kind,
            status = r.Current.Code,
            statusLabel = r.Current.Label,
            since = r.Current.At,
            released = r.IsReleased,
        }),
        createdAt = i.CreatedAt,
        updatedAt = i.UpdatedAt,
    };
}
