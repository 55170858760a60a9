using System.Diagnostics;
using Enki.Domain.Geography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Geography;

public static class GeographyServiceCollectionExtensions
{
    // Immutable reference data: one copy per process, however many hosts (tests start many).
    private static readonly Lazy<FrenchGeography> Shared = new(FrenchGeographyLoader.Load);
    private static readonly Lazy<DepartmentOutlines> SharedOutlines = new(DepartmentOutlines.Load);

    /// <summary>
    /// Registers <see cref="FrenchGeography"/>, <see cref="DepartmentOutlines"/>, <see cref="CommuneOutlines"/>
    /// and <see cref="TerritoryBounds"/> as singletons, loaded once from the embedded data on first use.
    /// </summary>
    public static IServiceCollection AddEnkiGeography(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(provider =>
        {
            var stopwatch = Stopwatch.StartNew();
            var geography = Shared.Value;
            provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(FrenchGeography))
                .LogInformation("French geography loaded in {ElapsedMs} ms: {Communes} communes", stopwatch.ElapsedMilliseconds, geography.Communes.Count);
            return geography;
        });
        services.AddSingleton(_ => SharedOutlines.Value);
        services.AddSingleton<CommuneOutlines>();
        services.AddSingleton<TerritoryBounds>();
        return services;
    }
}
