using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Formats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Enki.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SimulatorOptions"/> from <c>Enki:Simulator</c> (validated at start-up) and, when the
    /// simulator is enabled, registers its feed, acknowledgements, engine and hosted service.
    /// Needs the geography (<c>AddEnkiGeography</c>).
    /// </summary>
    /// <param name="enabledByDefault">Whether it runs when <c>Enki:Simulator:Enabled</c> is not set: only in the embedded default, never against a production database.</param>
    public static IServiceCollection AddNexsisSimulator(this IServiceCollection services, IConfiguration configuration, bool enabledByDefault = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());

        var options = new SimulatorOptions();
        configuration.GetSection(SimulatorOptions.Section).Bind(options);
        options.Enabled = configuration[$"{SimulatorOptions.Section}:Enabled"] is null ? enabledByDefault : options.Enabled;
        services.PostConfigure<SimulatorOptions>(o => o.Enabled = options.Enabled);
        // Also with the simulator off here: in a cluster one node runs it and every node reads its feed
        // (Enki:Nexsis:FeedUrl absolute to that node), with the NexSIS key they share.
        services.TryAddTransient<SimulatorKeyHandler>();
        services.AddHttpClient(NexsisHttp.ClientName).AddHttpMessageHandler<SimulatorKeyHandler>();
        if (!options.Enabled)
        {
            return services;
        }

        // Unless told otherwise, Enki reads the simulator's feed and acknowledges to it, over HTTP on its own port.
        // The simulator asks for the NexSIS key like the platform it stands for; without one configured, a random
        // key for this run, which only Enki's own NexSIS client knows.
        var generatedKey = NexsisKey.Generate();
        services.PostConfigure<NexsisOptions>(o =>
        {
            o.FeedUrl ??= SimulatorPaths.Feed;
            o.AcknowledgementUrl ??= SimulatorPaths.Acknowledgements;
            if (string.IsNullOrEmpty(o.InboundApiKey)) o.InboundApiKey = generatedKey;
        });
        // And the vigilance job reads the scenarios' vigilance maps from it, unless told where else.
        if (services.LastOrDefault(d => d.ServiceType == typeof(EnkiOptions))?.ImplementationInstance is EnkiOptions enki)
        {
            enki.Vigilance.MeteoFrance.Url ??= SimulatorPaths.VigilanceMeteoFrance;
            enki.Vigilance.Vigicrues.Url ??= SimulatorPaths.VigilanceVigicrues;
        }
        services.TryAddSingleton<SimulatedVigilance>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NexsisMessageReader>();
        services.TryAddSingleton(_ => new SimulatedFeed());
        services.TryAddSingleton<SimulatorAcknowledgements>();
        services.TryAddSingleton<SimulatorStore>();
        services.TryAddSingleton<NexsisSimulator>();
        services.AddHostedService<NexsisSimulatorService>();
        return services;
    }
}
