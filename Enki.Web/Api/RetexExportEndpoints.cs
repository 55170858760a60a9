using Enki.Domain.Audit;
using Enki.Domain.Crises;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Crises.Retex;

namespace Enki.Web.Api;

/// <summary>Downloads of a crisis's RETEX (XLSX, PDF): for whoever reads the crisis (else 404), audited.</summary>
public static class RetexExportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapRetexExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("").RequireAuthorization().WithTags("Exports")
            .ProducesProblem(StatusCodes.Status404NotFound);
        exports.MapGet("/crises/{id:guid}/retex.xlsx", (Guid id, HttpContext http, RetexQueries retex, IAuditTrail audit, CancellationToken ct) =>
                ExportAsync(id, "xlsx", http, retex, audit, ct))
            .WithName("RetexXlsx").WithSummary("A crisis's after-action review (RETEX) as an Excel workbook.")
            .Produces(StatusCodes.Status200OK, contentType: Xlsx);
        exports.MapGet("/crises/{id:guid}/retex.pdf", (Guid id, HttpContext http, RetexQueries retex, IAuditTrail audit, CancellationToken ct) =>
                ExportAsync(id, "pdf", http, retex, audit, ct))
            .WithName("RetexPdf").WithSummary("A crisis's after-action review (RETEX) as a PDF.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return app;
    }

    private static async Task<IResult> ExportAsync(Guid id, string format, HttpContext http, RetexQueries queries, IAuditTrail audit,
        CancellationToken cancellationToken)
    {
        var viewer = http.User.ToViewer();
        if (await queries.ReadAsync(viewer, id, cancellationToken) is not { } retex)
        {
            return ApiProblems.NotFound("Crise introuvable.");
        }
        await audit.RecordAsync(CrisisAuditActions.RetexExported, retex.Crisis.Title, format.ToUpperInvariant(),
            retex.Crisis.Territories.FirstOrDefault(), viewer, cancellationToken: cancellationToken);
        var name = ExportFileName.Of(retex.Crisis, "retex", retex.At, format);
        return format == "pdf"
            ? Results.File(RetexPdf.Write(retex), "application/pdf", name)
            : Results.File(RetexXlsx.Write(retex), Xlsx, name);
    }
}
