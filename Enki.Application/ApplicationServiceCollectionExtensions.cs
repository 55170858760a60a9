using Enki.Application.Logbook;
using Enki.Domain.Logbook;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Application;

/// <summary>
/// The use cases, over the adapters <c>AddEnkiInfrastructure</c> registers (call it first). One method per
/// feature too, for the test harnesses that wire a single feature's adapters.
/// </summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddEnkiApplication(this IServiceCollection services) =>
        services.AddEnkiCrisisUseCases();

    /// <summary>Crises, their main courante and their point de situation. Stateless over the context factory: singletons.</summary>
    public static IServiceCollection AddEnkiCrisisUseCases(this IServiceCollection services)
    {
        services.AddSingleton<ILogbook, LogbookCommands>();
        return services;
    }
}
