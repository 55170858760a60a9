using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Logbook;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Enki.Domain.Mobilisation;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Mobilisation;

public static class MobilisationServiceCollectionExtensions
{
    /// <summary>Mobilisation requests' adapters: queries, live feed, and the audit and logbook writers their use cases save with.</summary>
    public static IServiceCollection AddEnkiMobilisation(this IServiceCollection services)
    {
        services.TryAddSingleton<IMobilisationFeed, InProcessMobilisationFeed>();
        services.AddEnkiAuditRecorder();
        services.TryAddSingleton<LogbookWriter>();
        services.AddSingleton<MobilisationQueries>();
        return services;
    }
}
