using Enki.Domain.Geography;
using Enki.Domain.History;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.History;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence.Storage;
using Enki.Web.Hosting;

namespace Enki.Web.Api;

/// <summary>
/// The situation at a past instant, for the after-action review and partners' replays: the incidents
/// open then in the caller's jurisdiction, as Enki knew them or as they actually were.
/// </summary>
public static class PastSituationEndpoints
{
    public static IEndpointRouteBuilder MapPastSituationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(EnkiPolicies.Api)
            .WithMetadata(ApiSecurity.PartnerKeyOrSession).WithTags("Incidents")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/incidents/open-at", async (HttpContext context, PastSituationQueries queries, FrenchGeography geography,
                string? instant, string? clock, CancellationToken ct) =>
            {
                var viewer = context.User.ToViewer();
                if (Read(viewer, geography, instant, clock) is { } refused) return refused;
                var (at, chosen) = Parsed(viewer, geography, instant, clock);
                var incidents = await queries.OpenAtAsync(viewer, at, chosen, ct);
                return Results.Ok(new PastSituationResource(at, ClockName(chosen), [.. incidents.Select(PastIncidentResource.Of)]));
            })
            .WithName("IncidentsOpenAt")
            .WithSummary("The incidents open at a past instant in the caller's jurisdiction, exercises left out.")
            .WithDescription("`instant`: `2026-12-02T02:10` in the territory's local time, or with an offset (`Z`, `+01:00`). "
                + "`clock`: `as-known` (default: what Enki had recorded by then) or `as-it-was` (what had happened by then at the senders, late messages included).")
            .Produces<PastSituationResource>()
            .ProducesValidationProblem();
        api.MapGet("/dashboard/at", async (HttpContext context, PastSituationQueries queries, FrenchGeography geography,
                string? instant, string? clock, CancellationToken ct) =>
            {
                var viewer = context.User.ToViewer();
                if (Read(viewer, geography, instant, clock) is { } refused) return refused;
                var (at, chosen) = Parsed(viewer, geography, instant, clock);
                var figures = await queries.FiguresAtAsync(viewer, viewer.Jurisdiction, at, chosen, ct);
                return Results.Ok(PastFiguresResource.Of(figures, ClockName(chosen)));
            })
            .WithName("DashboardAt")
            .WithSummary("The dashboard's figures of the caller's jurisdiction at a past instant, exercises left out.")
            .WithDescription("Same `instant` and `clock` as `/incidents/open-at`: cases in progress, opened in the hour before, victims, "
                + "evacuated and displaced of the cases in progress and of those opened in the 24 hours before, engaged resources, and the breakdown by department (or commune).")
            .Produces<PastFiguresResource>()
            .ProducesValidationProblem();
        return app;
    }

    private static IResult? Read(Enki.Domain.Access.Viewer viewer, FrenchGeography geography, string? instant, string? clock)
    {
        if (PastInstant.Parse(instant, TerritoryClock.ZoneOf(viewer.Jurisdiction, geography)) is null)
        {
            return ApiProblems.InvalidParameter("instant", "Indiquez l'instant au format 2026-12-02T02:10 (heure locale du territoire) ou avec un décalage (…Z, …+01:00).");
        }
        return PastInstant.ParseClock(clock) is null
            ? ApiProblems.InvalidParameter("clock", "L'horloge est « as-known » (tel que connu à l'instant) ou « as-it-was » (tel que c'était, messages tardifs compris).")
            : null;
    }

    private static (DateTimeOffset At, HistoryClock Clock) Parsed(Enki.Domain.Access.Viewer viewer, FrenchGeography geography, string? instant, string? clock) =>
        (PastInstant.Parse(instant, TerritoryClock.ZoneOf(viewer.Jurisdiction, geography))!.Value, PastInstant.ParseClock(clock)!.Value);

    private static string ClockName(HistoryClock clock) => clock == HistoryClock.AsKnown ? "as-known" : "as-it-was";
}

/// <summary>A dashboard's figures at a past instant (<c>/api/v1/dashboard/at</c>).</summary>
public sealed record PastFiguresResource(
    DateTimeOffset Instant, string Clock, int InProgress, int NewLastHour, int VictimsRed, int VictimsYellow, int VictimsGreen, int Deceased,
    int Missing, int Evacuated, int Displaced, int EngagedResources, IReadOnlyList<TerritoryCount> Breakdown)
{
    public static PastFiguresResource Of(DashboardFigures figures, string clock) => new(
        figures.At, clock, figures.InProgress, figures.NewLastHour, figures.VictimsRed, figures.VictimsYellow, figures.VictimsGreen,
        figures.Deceased, figures.Missing, figures.Evacuated, figures.Displaced, figures.EngagedResources, figures.Breakdown);
}

public sealed record PastSituationResource(DateTimeOffset Instant, string Clock, IReadOnlyList<PastIncidentResource> Incidents);

/// <summary>An incident as it stood at the instant: same fields and codes as <see cref="IncidentResource"/>.</summary>
public sealed record PastIncidentResource(
    Guid Id, string CaseId, string NatureCode, string NatureLabel, string NatureFamily, string Status, string StatusLabel,
    string CommuneInsee, string DepartmentCode, DateTimeOffset OpenedAt, VictimsResource Victims, int EngagedResources)
{
    public static PastIncidentResource Of(IncidentThen then) => new(
        then.IncidentId, then.CaseId, then.NatureCode, then.NatureLabel, then.NatureFamily,
        EnumStorage.IncidentStatus.Of(then.Status), then.Status.French(), then.CommuneCode, then.DepartmentCode, then.OpenedAt,
        new VictimsResource(then.Victims.Estimate is { } estimate ? EnumStorage.VictimCountEstimate.Of(estimate) : null, then.Victims.Red,
            then.Victims.Yellow, then.Victims.Green, then.Victims.Deceased, then.Victims.Missing, then.Victims.Evacuated, then.Victims.Displaced),
        then.EngagedResources);
}
