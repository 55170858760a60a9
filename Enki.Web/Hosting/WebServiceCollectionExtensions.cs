using System.Globalization;
using MudBlazor;
using MudBlazor.Services;
using Enki.Web.Hosting.GracefulStop;

namespace Enki.Web.Hosting;

public static class WebServiceCollectionExtensions
{
    /// <summary>Blazor Server circuits, MudBlazor and the French UI.</summary>
    public static IServiceCollection AddEnkiWeb(this IServiceCollection services)
    {
        // The console is French whatever the server's locale.
        var french = CultureInfo.GetCultureInfo("fr-FR");
        CultureInfo.DefaultThreadCurrentCulture = french;
        CultureInfo.DefaultThreadCurrentUICulture = french;

        services.AddRazorComponents().AddInteractiveServerComponents();
        // API refusals as RFC 9457 problem details (Results.Problem and empty error answers alike).
        services.AddProblemDetails();
        // Outlines GeoJSON is ~3 MB raw: compress it (and API JSON) for phones on 4G.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/geo+json", "application/json"];
        });
        services.AddSingleton<Live.LiveTerritories>();
        services.AddScoped<Live.LiveIncidents>();
        services.AddScoped<Live.LiveMobilisations>();
        services.AddScoped<Live.LiveWarnings>();
        services.AddScoped<Live.CircuitConnection>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<Live.CircuitConnection>());
        services.AddSingleton<Live.TerritoryScope>();
        services.AddEnkiGracefulStop();
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.PreventDuplicates = true;
        });
        services.AddTransient<MudLocalizer, Components.Localization.FrenchMudLocalizer>();
        return services;
    }

    /// <summary>Structured logs: JSON lines outside development, readable text while developing.</summary>
    public static WebApplicationBuilder AddEnkiLogging(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        return builder;
    }
}
