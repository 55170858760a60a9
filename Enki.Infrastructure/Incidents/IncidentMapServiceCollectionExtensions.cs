using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enki.Infrastructure.Incidents;

public static class IncidentMapServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IIncidentMapQueries"/> (stateless singleton); calling it twice is harmless.</summary>
    public static IServiceCollection AddIncidentMap(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IncidentMapQueries>();
        services.TryAddSingleton<IIncidentMapQueries, SharedIncidentMapQueries>();
        return services;
    }
}
