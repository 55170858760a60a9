using Enki.Domain.Access;
using Enki.Domain.Directory;
using static Enki.Tests.Organisations.DirectoryStore;

namespace Enki.Tests.Organisations;

/// <summary>
/// The directory's visibility rule in the database: what is inside the viewer's jurisdiction, plus
/// what covers it (its department's and zone's services, national ones); never a sibling territory.
/// </summary>
public sealed class DirectoryVisibilityTests : IAsyncLifetime
{
    private readonly DirectoryStore _store = new();

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        await _store.AddAsync("Mairie de Chelles", OrganisationKind.TownHall, Jurisdiction.Commune("77108"), "Claire Chellois");
        await _store.AddAsync("Mairie de Meaux", OrganisationKind.TownHall, Jurisdiction.Commune("77288"));
        await _store.AddAsync("Mairie de Guichen", OrganisationKind.TownHall, Jurisdiction.Commune("35126"), "Anne Guichennaise");
        await _store.AddAsync("Préfecture de Seine-et-Marne", OrganisationKind.Prefecture, Jurisdiction.Department("77"));
        await _store.AddAsync("Préfecture d'Ille-et-Vilaine", OrganisationKind.Prefecture, Jurisdiction.Department("35"));
        await _store.AddAsync("Enedis Île-de-France", OrganisationKind.Partner, Jurisdiction.Zone("PARIS"), "Sophie Réseau");
        await _store.AddAsync("EMIZ Ouest", OrganisationKind.Coz, Jurisdiction.Zone("OUEST"));
        await _store.AddAsync("COGIC", OrganisationKind.Cogic, Jurisdiction.National);
    }

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    private async Task<string[]> NamesFor(Viewer viewer, string? text = null) =>
        (await _store.Queries.SearchAsync(viewer, text, take: 100)).Select(o => o.Name).Order().ToArray();

    [Fact]
    public async Task Mayor_of_Guichen_sees_their_mairie_their_prefecture_their_zone_and_national_never_chelles()
    {
        Assert.Equal(["COGIC", "EMIZ Ouest", "Mairie de Guichen", "Préfecture d'Ille-et-Vilaine"], await NamesFor(MayorOfGuichen));
        Assert.Empty(await NamesFor(MayorOfGuichen, "Claire Chellois"));
        Assert.Empty(await NamesFor(MayorOfGuichen, "chelles"));
    }

    [Fact]
    public async Task Mayor_of_Chelles_does_not_see_the_neighbouring_mairie()
    {
        Assert.Equal(["COGIC", "Enedis Île-de-France", "Mairie de Chelles", "Préfecture de Seine-et-Marne"], await NamesFor(MayorOfChelles));
    }

    [Fact]
    public async Task Prefecture_sees_its_whole_department_plus_its_zone_and_national()
    {
        Assert.Equal(["COGIC", "Enedis Île-de-France", "Mairie de Chelles", "Mairie de Meaux", "Préfecture de Seine-et-Marne"],
            await NamesFor(Prefecture77));
    }

    [Fact]
    public async Task Zone_sees_its_departments_and_national_and_national_sees_all()
    {
        Assert.Equal(["COGIC", "Enedis Île-de-France", "Mairie de Chelles", "Mairie de Meaux", "Préfecture de Seine-et-Marne"],
            await NamesFor(CozParis));
        Assert.Equal(8, (await NamesFor(Admin)).Length);
    }

    [Fact]
    public async Task Find_outside_the_view_answers_nothing()
    {
        var guichen = (await _store.Queries.SearchAsync(Admin, "Mairie de Guichen")).Single();

        Assert.Null(await _store.Queries.FindAsync(MayorOfChelles, guichen.Id));
        Assert.Equal("Anne Guichennaise", (await _store.Queries.FindAsync(MayorOfGuichen, guichen.Id))!.Contacts.Single().Name);
    }

    [Fact]
    public async Task Search_ignores_accents_and_case_matches_contacts_filters_by_kind_and_lists_nearest_first()
    {
        Assert.Equal(["Enedis Île-de-France"], await NamesFor(Prefecture77, "sophie reseau"));
        Assert.Equal(["Enedis Île-de-France"], await NamesFor(Prefecture77, "ÎLE-DE-FRANCE"));

        var mairies = await _store.Queries.SearchAsync(Prefecture77, null, OrganisationKind.TownHall);
        Assert.All(mairies, o => Assert.Equal(OrganisationKind.TownHall, o.Kind));

        var ordered = (await _store.Queries.SearchAsync(MayorOfChelles, null)).Select(o => o.Name).ToArray();
        Assert.Equal(["Mairie de Chelles", "Préfecture de Seine-et-Marne", "Enedis Île-de-France", "COGIC"], ordered);
    }

    [Fact]
    public async Task List_pages_and_filters_by_territory()
    {
        var page = await _store.Queries.ListAsync(Admin, new Infrastructure.Organisations.DirectoryQuery(Territory: Jurisdiction.Department("77"), Skip: 1, Take: 2));

        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.Items.Count);
    }
}
