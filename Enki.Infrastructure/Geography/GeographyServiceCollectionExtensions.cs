using System.Diagnostics;
using Enki.Domain.Geography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Geography;

public static class GeographyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FrenchGeography"/> and <see cref="DepartmentOutlines"/> as singletons,
    /// loaded once from the embedded data on first use.
    /// </summary>
    public static IServiceCollection AddEnkiGeography(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(provider =>
        {
            var stopwatch = Stopwatch.StartNew();
            var geography = FrenchGeographyLoader.Load();
            provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(FrenchGeography))
                .LogInformation("French geography loaded in {ElapsedMs} ms: {Communes} communes", stopwatch.ElapsedMilliseconds, geography.Communes.Count);
            return geography;
        });
        services.AddSingleton(_ => DepartmentOutlines.Load());
        return services;
    }
}
