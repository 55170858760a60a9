using Enki.Infrastructure.Incidents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Web.Components.Map;

/// <summary>Registration of the map components' services.</summary>
public static class MapServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="MapOptions"/> from the <c>Enki:Map</c> configuration section and registers the
    /// incident map's queries (<see cref="IncidentMapServiceCollectionExtensions.AddIncidentMap"/>, idempotent);
    /// live maps read them through <see cref="Live.LiveTerritories"/>.
    /// </summary>
    public static IServiceCollection AddEnkiMap(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<MapOptions>()
            .Bind(configuration.GetSection(MapOptions.SectionName));
        services.AddIncidentMap();
        return services;
    }
}
