using Enki.Infrastructure.Access;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Jobs;
using Enki.Infrastructure.Mobilisation;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Simulator;
using Enki.Infrastructure.Organisations;
using Enki.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Hosting;

public static class EnkiInfrastructureServiceCollectionExtensions
{
    /// <summary>Everything Enki needs from the outside world, wired from the <c>Enki</c> section.</summary>
    public static EnkiOptions AddEnkiInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(EnkiOptions.Section).Get<EnkiOptions>() ?? new EnkiOptions();
        var dataFolder = new DataFolder(contentRoot, options);
        services.AddSingleton(options);
        services.AddSingleton(dataFolder);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SystemStatus>();
        services.AddEnkiGeography();
        services.AddEnkiPersistence(options, dataFolder);
        services.AddEnkiJobs(options);
        services.AddEnkiAccess();
        services.AddEnkiNexsis(configuration);
        services.AddNexsisSimulator(configuration, enabledByDefault: options.Database.Provider == DatabaseProvider.Sqlite);
        services.AddSingleton<IncidentQueries>();
        services.AddSingleton<DashboardQueries>();
        services.AddEnkiDirectory();
        services.AddEnkiCrises();
        services.AddEnkiMobilisation();
        services.AddHealthChecks().AddDbContextCheck<EnkiDbContext>("database", tags: ["ready"]);
        return options;
    }
}
