using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Application.Warnings;

/// <summary>
/// The demo services' default rules, and each demo mairie's escalation list: the department's
/// préfecture (its duty officer is the préfecture account) when nobody of the mairie acknowledged in time.
/// </summary>
public static class DemoWarnings
{
    public static async Task SeedDemoWarningsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!DemoAccounts.ShouldSeed(services.GetRequiredService<EnkiOptions>())) return;
        var commands = services.GetRequiredService<WarningCommands>();
        var territories = services.GetRequiredService<ITerritoryDirectory>();
        foreach (var demo in DemoAccounts.All.Where(d => d.Profile is Profile.Mayor or Profile.Prefecture).DistinctBy(d => (d.Profile, d.Jurisdiction)))
        {
            var owner = WarningOwner.Organisation(demo.Profile, demo.Jurisdiction);
            await commands.EnsureDefaultRulesAsync(owner, cancellationToken);
            if (demo.Profile != Profile.Mayor || territories.DepartmentOfCommune(demo.Jurisdiction.Code!) is not { } department) continue;
            var prefecture = WarningOwner.OrganisationKey(Profile.Prefecture, Jurisdiction.Department(department));
            await commands.SetEscalationListAsync(new EscalationList(owner.Code,
                [new EscalationStep(WarningOwnerKind.Organisation, prefecture, $"Préfecture ({department}) — officier de permanence", OnDuty: true)]), cancellationToken);
        }
    }
}
