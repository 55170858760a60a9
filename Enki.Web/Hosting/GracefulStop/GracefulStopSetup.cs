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
    /// tries again, and the gateway, told by <c>/health</c>, sends it to another node.
    /// </summary>
    public static IApplicationBuilder UseEnkiGracefulStop(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/_blazor") && context.RequestServices.GetRequiredService<OpenCircuits>().Stopping)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            return Task.CompletedTask;
        }
        return next(context);
    });
}
