using System.Text.Encodings.Web;
using System.Text.Json;
using Enki.Domain.Access;
using Enki.Infrastructure.Access;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enki.Web.Hosting;

public static class HealthEndpoint
{
    /// <summary><c>/health</c>: overall status plus one line per dependency (database, job storage).</summary>
    public static IEndpointRouteBuilder MapEnkiHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).AllowAnonymous();
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // Descriptions and exception texts may name hosts, files or connection strings: administrators only.
        var detailed = context.User.ToViewer().Profile == Profile.Administrator;
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => detailed
                    ? new { status = e.Value.Status.ToString(), description = e.Value.Description, error = e.Value.Exception?.Message }
                    : new { status = e.Value.Status.ToString(), description = (string?)null, error = (string?)null }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
