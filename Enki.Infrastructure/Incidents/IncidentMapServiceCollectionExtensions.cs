using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enki.Infrastructure.Incidents;

public static class IncidentMapServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IIncidentMapQueries"/> (stateless singleton); calling it twice is harmless.
    /// Live maps share its answers through the web's live path, one per territory and change.
    /// </summary>
    public static IServiceCollection AddIncidentMap(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IIncidentMapQueries, IncidentMapQueries>();
        return services;
    }
}
