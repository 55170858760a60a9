using Enki.Domain.Incidents;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence.Storage;
using Enki.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Enki.Web.Api;

/// <summary>
/// Read API for partners (GIS, crisis-room displays) and signed-in users: the caller's jurisdiction
/// narrows every answer; callers' personal data is never part of it.
/// </summary>
public static class IncidentApiEndpoints
{
    // Described here: the OpenAPI generator cannot read attributes on [AsParameters] record parameters.
    private const string FiltersDescription =
        "Filters: `status` (Reported, InProgress, Suspended, Completed, Cancelled), `natureFamily` (C01 to C11), "
        + "`from` (updated at or after, ISO 8601), `to` (created at the sender at or before), `exercise` (`false` by default: "
        + "real incidents only; `true`: exercises only; `all`), `page` (from 0), `pageSize`.";

    public static IEndpointRouteBuilder MapIncidentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(EnkiPolicies.Api)
            .WithMetadata(ApiSecurity.PartnerKeyOrSession).WithTags("Incidents")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/incidents", async (HttpContext context, IncidentQueries queries, [AsParameters] IncidentApiQuery query, CancellationToken ct) =>
        {
            if (query.ToFilter() is not { } filter)
            {
                return query.Problem();
            }
            var page = await queries.ListAsync(context.User.ToViewer(), filter, query.Page ?? 0, query.PageSize ?? 100, ct);
            return Results.Ok(new IncidentPage(page.Total, page.PageIndex, page.PageSize, page.Items.Select(IncidentResource.Of).ToList()));
        })
        .WithName("ListIncidents")
        .WithSummary("Incidents in the caller's jurisdiction, newest first, one page at a time.")
        .WithDescription(FiltersDescription)
        .Produces<IncidentPage>()
        .ProducesValidationProblem();

        api.MapGet("/incidents.geojson", async (HttpContext context, IncidentQueries queries, [AsParameters] IncidentApiQuery query, CancellationToken ct) =>
        {
            if (query.ToFilter() is not { } filter)
            {
                return query.Problem();
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
        })
        .WithName("IncidentsGeoJson")
        .WithSummary("The same incidents as a GeoJSON FeatureCollection of points (incidents without coordinates left out).")
        .WithDescription("Each feature's properties are an Incident; `total` counts the matching incidents, placed or not. " + FiltersDescription)
        .Produces(StatusCodes.Status200OK, contentType: "application/geo+json")
        .ProducesValidationProblem();

        api.MapGet("/incidents/{id:guid}", async (HttpContext context, IncidentQueries queries, Guid id, CancellationToken ct) =>
            await queries.FindAsync(context.User.ToViewer(), id, ct) is { } incident
                ? Results.Ok(IncidentResource.Of(incident))
                : ApiProblems.NotFound("Incident introuvable."))
        .WithName("GetIncident")
        .WithSummary("One incident; outside the caller's jurisdiction it is not found, like one that does not exist.")
        .Produces<IncidentResource>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}

/// <summary>Query string of the incident API: status, nature family, time range, exercise, paging.</summary>
public sealed record IncidentApiQuery(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "natureFamily")] string? NatureFamily,
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "exercise")] string? Exercise,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    /// <summary>The parameter refused by <see cref="ToFilter"/> and why, in French.</summary>
    public (string Parameter, string Message)? Error { get; private set; }

    public IResult Problem() => Error is { } error ? ApiProblems.InvalidParameter(error.Parameter, error.Message) : Results.BadRequest();

    public IncidentFilter? ToFilter()
    {
        IncidentStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (!EnumStorage.IncidentStatus.TryParse(Status, out var parsed))
            {
                Error = ("status", $"Statut inconnu : « {Status} » (attendu : {string.Join(", ", EnumStorage.IncidentStatus.All)}).");
                return null;
            }
            status = parsed;
        }
        if (!string.IsNullOrWhiteSpace(NatureFamily) && !System.Text.RegularExpressions.Regex.IsMatch(NatureFamily, "^C(0[1-9]|1[01])$"))
        {
            Error = ("natureFamily", $"Famille de nature inconnue : « {NatureFamily} » (attendu C01 à C11).");
            return null;
        }
        bool? exercise;
        switch (Exercise?.ToLowerInvariant())
        {
            case null or "" or "false" or "non": exercise = false; break;
            case "true" or "oui": exercise = true; break;
            case "all" or "tous": exercise = null; break;
            default:
                Error = ("exercise", $"Valeur de exercise inconnue : « {Exercise} » (true, false ou all).");
                return null;
        }
        return new IncidentFilter(status, NatureFamily, From, To, exercise);
    }
}

/// <summary>One page of incidents.</summary>
public sealed record IncidentPage(int Total, int Page, int PageSize, IReadOnlyList<IncidentResource> Items);

/// <summary>
/// An incident as the API shows it. No caller names or phone numbers, ever. <c>status</c> is a stable code,
/// <c>statusLabel</c> its French label.
/// </summary>
public sealed record IncidentResource(
    Guid Id,
    string CaseId,
    string NatureCode,
    string NatureLabel,
    string NatureFamily,
    string Status,
    string StatusLabel,
    bool Exercise,
    string CommuneInsee,
    string CommuneName,
    string DepartmentCode,
    string ZoneCode,
    double? Latitude,
    double? Longitude,
    string? Address,
    VictimsResource Victims,
    IReadOnlyList<EngagedResourceResource> EngagedResources,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static IncidentResource Of(Incident i) => new(
        i.Id, i.CaseId, i.NatureCode, i.NatureLabel, i.NatureFamily,
        EnumStorage.IncidentStatus.Of(i.Status), i.Status.French(), i.IsExercise,
        i.CommuneCode, i.CommuneName, i.DepartmentCode, i.ZoneCode, i.Latitude, i.Longitude, i.Address,
        new VictimsResource(i.Victims.Estimate is { } estimate ? EnumStorage.VictimCountEstimate.Of(estimate) : null, i.Victims.Red, i.Victims.Yellow, i.Victims.Green,
            i.Victims.Deceased, i.Victims.Missing, i.Victims.Evacuated, i.Victims.Displaced),
        i.Resources.Select(r => new EngagedResourceResource(r.ResourceId, r.Name, r.Kind, r.Current.Code, r.Current.Label, r.Current.At, r.IsReleased)).ToList(),
        i.CreatedAt, i.UpdatedAt);
}

/// <summary>Victims: the first estimate in words (RC-EDA), then triage counts (EMSI).</summary>
public sealed record VictimsResource(string? Estimate, int Red, int Yellow, int Green, int Deceased, int Missing, int Evacuated, int Displaced);

/// <summary>A vehicle or team on the incident and its current NexSIS status.</summary>
public sealed record EngagedResourceResource(string Id, string Name, string? Kind, string Status, string StatusLabel, DateTimeOffset Since, bool Released);
