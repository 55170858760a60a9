using Enki.Domain.Directory;
using Enki.Infrastructure.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Organisations;

public static class OrganisationsServiceCollectionExtensions
{
    /// <summary>The directory (annuaire): queries, the read port for other features, writes and CSV import.</summary>
    public static IServiceCollection AddEnkiDirectory(this IServiceCollection services)
    {
        services.AddSingleton<OrganisationQueries>();
        services.AddSingleton<IOrganisationDirectory>(sp => sp.GetRequiredService<OrganisationQueries>());
        services.AddScoped<OrganisationCommands>();
        services.AddScoped<DirectoryCsvImport>();
        services.AddEnkiAuditRecorder();
        return services;
    }
}
