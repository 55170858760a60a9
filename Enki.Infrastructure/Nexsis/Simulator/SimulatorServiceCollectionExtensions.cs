using Enki.Infrastructure.Nexsis.Formats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Nexsis.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SimulatorOptions"/> from <c>Enki:Simulator</c> (validated at start-up) and, when the
    /// simulator is enabled, registers its feed, acknowledgements, engine and hosted service.
    /// Needs the geography (<c>AddEnkiGeography</c>).
    /// </summary>
    public static IServiceCollection AddNexsisSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());

        var options = new SimulatorOptions();
        configuration.GetSection(SimulatorOptions.Section).Bind(options);
        if (!options.Enabled)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NexsisMessageReader>();
        services.TryAddSingleton(_ => new SimulatedFeed());
        services.TryAddSingleton<SimulatorAcknowledgements>();
        services.TryAddSingleton<NexsisSimulator>();
        services.AddHostedService<NexsisSimulatorService>();
        return services;
    }
}
