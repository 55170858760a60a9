using Enki.Domain.Crises;
using Enki.Domain.Audit;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Logbook;

namespace Enki.Web.Api;

/// <summary>Downloads of a crisis's main courante (CSV for French Excel, XLSX); same jurisdiction rule as the pages, audited.</summary>
public static class LogbookExportEndpoints
{
    public static IEndpointRouteBuilder MapLogbookExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/crises/{id:guid}/main-courante.csv", (Guid id, HttpContext http, CrisisQueries crises, LogbookQueries logbook, IAuditTrail audit, CancellationToken ct) =>
            ExportAsync(id, "csv", http, crises, logbook, audit, ct)).RequireAuthorization();
        app.MapGet("/crises/{id:guid}/main-courante.xlsx", (Guid id, HttpContext http, CrisisQueries crises, LogbookQueries logbook, IAuditTrail audit, CancellationToken ct) =>
            ExportAsync(id, "xlsx", http, crises, logbook, audit, ct)).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ExportAsync(Guid id, string format, HttpContext http, CrisisQueries crises, LogbookQueries logbook,
        IAuditTrail audit, CancellationToken cancellationToken)
    {
        var viewer = http.User.ToViewer();
        var crisis = await crises.FindAsync(viewer, id, cancellationToken);
        var entries = crisis is null ? null : await logbook.AllAsync(viewer, id, cancellationToken);
        if (crisis is null || entries is null)
        {
            return Results.NotFound();
        }
        var rows = LogbookRows.Of(entries, crisis.Territories.FirstOrDefault()?.DepartmentCode);
        var name = $"main-courante-{crisis.StartedAt:yyyyMMdd}-{id.ToString()[..8]}.{format}";
        await audit.RecordAsync(CrisisAuditActions.LogbookExported, crisis.Title, $"{format.ToUpperInvariant()}, {entries.Count} entrée(s)",
            crisis.Territories.FirstOrDefault(), viewer, cancellationToken: cancellationToken);
        return format == "csv"
            ? Results.File(LogbookCsv.Write(rows), "text/csv; charset=utf-8", name)
            : Results.File(LogbookXlsx.Write(crisis.Title, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
