using Microsoft.Extensions.DependencyInjection.Extensions;
using Enki.Infrastructure.Audit;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Crises.Report;
using Enki.Infrastructure.Live;
using Enki.Infrastructure.Logbook;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Crises;

public static class CrisesServiceCollectionExtensions
{
    /// <summary>Crises, their main courante and its live feed. Stateless services over the context factory: singletons.</summary>
    public static IServiceCollection AddEnkiCrises(this IServiceCollection services)
    {
        services.TryAddSingleton<ILogbookFeed, InProcessLogbookFeed>();
        services.AddEnkiAuditRecorder();
        services.TryAddSingleton<LogbookWriter>();
        services.AddSingleton<LogbookQueries>();
        services.AddSingleton<CrisisQueries>();
        services.AddSingleton<CrisisDashboardQueries>();
        services.AddSingleton<ReportMapDrawing>();
        services.AddSingleton<SituationReportQueries>();
        services.AddSingleton<Retex.RetexQueries>();
        return services;
    }
}
