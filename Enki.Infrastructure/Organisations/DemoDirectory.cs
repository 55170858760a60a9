using Enki.Domain.Access;
using Enki.Domain.Directory;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Organisations;

/// <summary>
/// A few fictitious organisations and contacts for the embedded default, next to the demo accounts
/// (never with SQL Server). Numbers are in ranges reserved for fiction; addresses use example.fr.
/// </summary>
public static class DemoDirectory
{
    private sealed record Entry(OrganisationDetails Organisation, params ContactDetails[] Contacts);

    private static ContactDetails Person(string name, string function, string email, params string[] phones) =>
        new(name, function, phones, email, null);

    private static IReadOnlyList<Entry> Entries { get; } =
    [
        new(new("Mairie de Chelles", OrganisationKind.TownHall, Jurisdiction.Commune("77108"), "01 99 00 10 00", "mairie@chelles.example.fr", "Parc du Souvenir Émile Fouchard, 77500 Chelles"),
            Person("Claire Martin", "Directrice générale des services", "claire.martin@chelles.example.fr", "01 99 00 10 01", "06 39 98 10 01"),
            Person("Paul Lefèvre", "Élu d'astreinte", "astreinte@chelles.example.fr", "06 39 98 10 02")),
        new(new("Mairie de Guichen", OrganisationKind.TownHall, Jurisdiction.Commune("35126"), "01 99 00 20 00", "mairie@guichen.example.fr", "Place Georges-le-Cornec, 35580 Guichen"),
            Person("Anne Le Goff", "Secrétaire générale", "anne.legoff@guichen.example.fr", "01 99 00 20 01", "06 39 98 20 01")),
        new(new("Préfecture de Seine-et-Marne", OrganisationKind.Prefecture, Jurisdiction.Department("77"), "01 99 00 30 00", "sidpc@seine-et-marne.example.fr", "12 rue des Saints-Pères, 77000 Melun"),
            Person("Marc Dubois", "Chef du SIDPC", "marc.dubois@seine-et-marne.example.fr", "01 99 00 30 01", "06 39 98 30 01"),
            Person("Cadre de permanence", "Permanence préfectorale 24 h/24", "permanence@seine-et-marne.example.fr", "06 39 98 30 99")),
        new(new("SDIS 77", OrganisationKind.Sdis, Jurisdiction.Department("77"), "01 99 00 40 00", "codis@sdis77.example.fr", "Rue de la Préfecture, 77000 Melun"),
            Person("Officier CODIS", "Chef de salle CODIS", "chef-de-salle@sdis77.example.fr", "01 99 00 40 18", "06 39 98 40 18")),
        new(new("Préfecture d'Ille-et-Vilaine", OrganisationKind.Prefecture, Jurisdiction.Department("35"), "01 99 00 31 00", "sidpc@ille-et-vilaine.example.fr", "3 avenue de la Préfecture, 35000 Rennes"),
            Person("Hélène Guillou", "Cheffe du SIDPC", "helene.guillou@ille-et-vilaine.example.fr", "01 99 00 31 01", "06 39 98 31 01"),
            Person("Cadre de permanence", "Permanence préfectorale 24 h/24", "permanence@ille-et-vilaine.example.fr", "06 39 98 31 99")),
        new(new("SDIS 35", OrganisationKind.Sdis, Jurisdiction.Department("35"), "01 99 00 41 00", "codis@sdis35.example.fr", "2 rue du Moulin de Joué, 35700 Rennes"),
            Person("Officier CODIS", "Chef de salle CODIS", "chef-de-salle@sdis35.example.fr", "01 99 00 41 18", "06 39 98 41 18")),
        new(new("Enedis Île-de-France", OrganisationKind.Partner, Jurisdiction.Zone("PARIS"), "01 99 00 50 00", "crise-idf@enedis.example.fr", null),
            Person("Sophie Bernard", "Interlocutrice privilégiée des collectivités (crise)", "sophie.bernard@enedis.example.fr", "01 99 00 50 01", "06 39 98 50 01")),
        new(new("Croix-Rouge 77", OrganisationKind.Partner, Jurisdiction.Department("77"), "01 99 00 60 00", "urgence77@croix-rouge.example.fr", null),
            Person("Julien Moreau", "Directeur départemental de l'urgence", "julien.moreau@croix-rouge.example.fr", "06 39 98 60 01")),
        new(new("COGIC", OrganisationKind.Cogic, Jurisdiction.National, "01 99 00 70 00", "permanence@cogic.example.fr", null),
            Person("Officier de permanence", "Permanence opérationnelle nationale", "officier@cogic.example.fr", "01 99 00 70 01")),
    ];

    /// <summary>Adds the demo organisations missing by name (later demo entries reach older databases too); embedded default only.</summary>
    public static async Task SeedDemoDirectoryAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!DemoAccounts.ShouldSeed(services.GetRequiredService<EnkiOptions>())) return;
        var territories = services.GetRequiredService<ITerritoryDirectory>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync(cancellationToken);
        var existing = (await db.Organisations.Select(o => o.Name).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var entry in Entries.Where(e => !existing.Contains(e.Organisation.Name!)))
        {
            var organisation = Organisation.Create(Guid.NewGuid(), entry.Organisation, territories, now);
            foreach (var contact in entry.Contacts) organisation.AddContact(contact, now);
            db.Organisations.Add(organisation);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
