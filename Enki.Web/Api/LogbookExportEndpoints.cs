using Enki.Domain.Crises;
using Enki.Domain.Audit;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Crises.Report;
using Enki.Infrastructure.Logbook;

namespace Enki.Web.Api;

/// <summary>Downloads of a crisis: its main courante (CSV for French Excel, XLSX) and its point de situation (PDF); same jurisdiction rule as the pages, audited.</summary>
public static class LogbookExportEndpoints
{
    public static IEndpointRouteBuilder MapLogbookExports(this IEndpointRouteBuilder app)
    {
        // Downloads from the console's pages: their addresses are French like the pages'.
        var exports = app.MapGroup("").RequireAuthorization().WithTags("Exports")
            .ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/crises/{id:guid}/main-courante.csv", (Guid id, HttpContext http, CrisisQueries crises, LogbookQueries logbook, IAuditTrail audit, TimeProvider clock, CancellationToken ct) =>
                ExportAsync(id, "csv", http, crises, logbook, audit, clock, ct))
            .WithName("LogbookCsv").WithSummary("A crisis's main courante as CSV (UTF-8, ';', for French Excel).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        exports.MapGet("/crises/{id:guid}/main-courante.xlsx", (Guid id, HttpContext http, CrisisQueries crises, LogbookQueries logbook, IAuditTrail audit, TimeProvider clock, CancellationToken ct) =>
                ExportAsync(id, "xlsx", http, crises, logbook, audit, clock, ct))
            .WithName("LogbookXlsx").WithSummary("A crisis's main courante as an Excel workbook.")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        exports.MapGet("/crises/{id:guid}/point-de-situation.pdf", SituationReportAsync)
            .WithName("SituationReportPdf").WithSummary("A crisis's point de situation as a one-page PDF.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return app;
    }

    private static async Task<IResult> SituationReportAsync(Guid id, HttpContext http, SituationReportQueries reports, IAuditTrail audit,
        CancellationToken cancellationToken)
    {
        var viewer = http.User.ToViewer();
        if (await reports.ReadAsync(viewer, id, cancellationToken) is not { } report)
        {
            return ApiProblems.NotFound("Crise introuvable.");
        }
        var pdf = SituationReportPdf.Write(report);
        await audit.RecordAsync(CrisisAuditActions.SituationReportExported, report.Crisis.Title, "PDF",
            report.Crisis.Territories.FirstOrDefault(), viewer, cancellationToken: cancellationToken);
        return Results.File(pdf, "application/pdf", ExportFileName.Of(report.Crisis, "point-de-situation", report.At, "pdf"));
    }

    private static async Task<IResult> ExportAsync(Guid id, string format, HttpContext http, CrisisQueries crises, LogbookQueries logbook,
        IAuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = http.User.ToViewer();
        var crisis = await crises.FindAsync(viewer, id, cancellationToken);
        var entries = crisis is null ? null : await logbook.AllAsync(viewer, id, cancellationToken);
        if (crisis is null || entries is null)
        {
            return ApiProblems.NotFound("Crise introuvable.");
        }
        var department = crisis.Territories.FirstOrDefault()?.DepartmentCode;
        var name = ExportFileName.Of(crisis, "main-courante", clock.GetUtcNow(), format);
        await audit.RecordAsync(CrisisAuditActions.LogbookExported, crisis.Title, $"{format.ToUpperInvariant()}, {entries.Count} entrée(s)",
            crisis.Territories.FirstOrDefault(), viewer, cancellationToken: cancellationToken);
        return format == "csv"
            ? Results.File(LogbookCsv.Write(LogbookRows.Of(entries, department)), "text/csv; charset=utf-8", name)
            : Results.File(LogbookXlsx.Write(crisis.Title, entries, department), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
