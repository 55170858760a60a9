using Enki.Domain.Access;
using Enki.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enki.Infrastructure.Access;

/// <param name="Mobile">A number of the range kept for fiction (06 39 98 …): warnings' SMS land in the outbox without a gateway.</param>
public sealed record DemoAccount(string UserName, string DisplayName, string Organisation, Profile Profile, Jurisdiction Jurisdiction, string? Mobile = null);

/// <summary>
/// Ready-made accounts for trying Enki, all with one public password: in Development on the embedded default,
/// elsewhere only with <c>Enki:Demo:Enabled=true</c>.
/// </summary>
public static class DemoAccounts
{
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin", "Administrateur Enki", "Enki", Profile.Administrator, Jurisdiction.National),
        new("cogic", "Officier COGIC", "COGIC", Profile.Cogic, Jurisdiction.National),
        new("coz-paris", "Officier COZ Paris", "COZ Paris", Profile.Coz, Jurisdiction.Zone("PARIS")),
        new("sdis77", "CODIS 77", "SDIS 77", Profile.Sdis, Jurisdiction.Department("77")),
        new("prefecture77", "Préfecture de Seine-et-Marne", "Préfecture 77", Profile.Prefecture, Jurisdiction.Department("77")),
        new("sdis35", "CODIS 35", "SDIS 35", Profile.Sdis, Jurisdiction.Department("35")),
        new("prefecture35", "Préfecture d'Ille-et-Vilaine", "Préfecture 35", Profile.Prefecture, Jurisdiction.Department("35")),
        new("maire-chelles", "Maire de Chelles", "Mairie de Chelles", Profile.Mayor, Jurisdiction.Commune("77108"), "+33639980108"),
        new("maire-guichen", "Maire de Guichen", "Mairie de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"), "+33639983126"),
    ];

    /// <summary>Resolved by <c>AddEnkiInfrastructure</c> from the setting and the environment.</summary>
    public static bool ShouldSeed(EnkiOptions options) => options.Demo.Enabled == true;

    /// <summary>Creates the missing demo accounts; existing ones are left as they are.</summary>
    public static async Task SeedDemoAccountsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<EnkiOptions>();
        if (!ShouldSeed(options)) return;
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>();
        var territories = scope.ServiceProvider.GetRequiredService<ITerritoryDirectory>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<DemoAccount>>();
        foreach (var demo in All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null) continue;
            var user = new EnkiUser
            {
                UserName = demo.UserName, Email = $"{demo.UserName}@demo.enki.invalid", EmailConfirmed = true,
                DisplayName = demo.DisplayName, Organisation = demo.Organisation, CreatedAt = clock.GetUtcNow(), PhoneNumber = demo.Mobile,
            };
            user.Grant(demo.Profile, demo.Jurisdiction, territories);
            var result = await users.CreateAsync(user, options.Demo.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Compte de démonstration {demo.UserName} : {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
            logger.LogInformation("Demo account {UserName} created ({Profile}, {Jurisdiction})", demo.UserName, demo.Profile, demo.Jurisdiction);
        }
    }
}
