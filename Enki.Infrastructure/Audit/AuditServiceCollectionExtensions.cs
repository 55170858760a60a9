using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enki.Infrastructure.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="AuditRecorder"/> that features writing state need: each registers it, so that a
    /// feature hosted on its own (a test harness, a benchmark) audits as in the app.
    /// </summary>
    public static IServiceCollection AddEnkiAuditRecorder(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton<AuditRecorder>();
        return services;
    }
}
