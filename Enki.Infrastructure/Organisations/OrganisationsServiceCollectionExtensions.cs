using Enki.Domain.Directory;
using Enki.Infrastructure.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Organisations;

public static class OrganisationsServiceCollectionExtensions
{
    /// <summary>The directory (annuaire): queries, the read port for other features, and the audit its writes save with.</summary>
    public static IServiceCollection AddEnkiDirectory(this IServiceCollection services)
    {
        services.AddSingleton<OrganisationQueries>();
        services.AddSingleton<IOrganisationDirectory>(sp => sp.GetRequiredService<OrganisationQueries>());
        services.AddEnkiAuditRecorder();
        return services;
    }
}
