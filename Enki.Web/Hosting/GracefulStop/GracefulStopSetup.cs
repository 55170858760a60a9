using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Enki.Web.Hosting.GracefulStop;

public static class GracefulStopSetup
{
    public static IServiceCollection AddEnkiGracefulStop(this IServiceCollection services)
    {
        services.AddSingleton<OpenCircuits>();
        services.AddScoped<CircuitHandler, OpenCircuitsHandler>();
        services.AddSingleton<PauseCircuitsOnStop>();
        services.AddHealthChecks().AddCheck<NodeStoppingHealthCheck>("stopping");
        return services;
    }

    /// <summary>
    /// While stopping, new circuit connections are refused (503): a browser resuming its paused circuit
    /// tries again, and the gateway, told by <c>/health</c>, sends it to another node. Open connections are
    /// counted (a WebSocket's request lasts as long as the connection) so the stop knows when the last
    /// browser has its state and hung up.
    /// </summary>
    public static IApplicationBuilder UseEnkiGracefulStop(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/_blazor", out var rest))
        {
            await next(context);
            return;
        }
        var circuits = context.RequestServices.GetRequiredService<OpenCircuits>();
        if (circuits.Stopping)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            return;
        }
        if (rest.HasValue) // negotiate, initializers…: not a connection
        {
            await next(context);
            return;
        }
        circuits.Connected();
        try
        {
            await next(context);
        }
        finally
        {
            circuits.Disconnected();
        }
    });
}
