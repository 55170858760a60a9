using Enki.Infrastructure.Warnings;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.History.Snapshots;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Jobs;
using Enki.Infrastructure.Mobilisation;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Organisations;
using Enki.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Hosting;

public static class EnkiInfrastructureServiceCollectionExtensions
{
    /// <summary>Everything Enki needs from the outside world, wired from the <c>Enki</c> section.</summary>
    /// <param name="development">
    /// Whether the host runs in Development: only there, on the embedded default (SQLite), are the demo accounts
    /// on without being asked for (<see cref="EnkiOptions.IsEmbeddedDefault"/>; the host applies the same rule to
    /// the simulator, which lives in Enki.Simulator). Anywhere else (the Docker image runs in Production) they
    /// need <c>Enki:Demo:Enabled</c> and <c>Enki:Simulator:Enabled</c>.
    /// </param>
    public static EnkiOptions AddEnkiInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool development = false)
    {
        var options = configuration.GetSection(EnkiOptions.Section).Get<EnkiOptions>() ?? new EnkiOptions();
        var embeddedDemo = options.IsEmbeddedDefault(development);
        options.Demo.Enabled ??= embeddedDemo;
        var dataFolder = new DataFolder(contentRoot, options);
        services.AddSingleton(options);
        services.AddSingleton(dataFolder);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SystemStatus>();
        services.AddEnkiGeography();
        services.AddEnkiPersistence(options, dataFolder);
        // In the database, not in the machine's profile: a cookie signed by one node is read by every other.
        services.AddDataProtection().SetApplicationName("Enki").PersistKeysToDbContext<EnkiDbContext>();
        services.AddEnkiJobs(options);
        services.AddEnkiAccess();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection($"{EnkiOptions.Section}:Api")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiKeysValidator>();
        services.AddEnkiNexsis(configuration);
        services.AddSingleton<IncidentQueries>();
        services.AddEnkiHistory(configuration);
        services.AddSingleton<UnknownNatureCodes>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<IndicatorQueries>();
        services.AddTransient<Indicators.Aggregates.OpenedHourRefreshJob>();
        services.AddSingleton<IndicatorGeoJson>();
        services.AddSingleton<IndicatorPinQueries>();
        services.AddEnkiDirectory();
        services.AddEnkiCrises();
        services.AddEnkiMobilisation();
        services.AddEnkiWarnings();
        services.AddEnkiWarningChannels(options);
        Vigilance.VigilanceServiceCollectionExtensions.AddEnkiVigilance(services);
        services.AddEnkiEvents(configuration);
        services.AddEnkiNodeBus(options.Redis);
        services.AddHealthChecks().AddDbContextCheck<EnkiDbContext>("database", tags: ["ready"]);
        return options;
    }
}
