using Enki.Domain.Access;
using Enki.Domain.Directory;
using static Enki.Tests.Organisations.DirectoryStore;

namespace Enki.Tests.Organisations;

public sealed class OrganisationCommandsTests : IAsyncLifetime
{
    private readonly DirectoryStore _store = new();

    public async Task InitializeAsync() => await _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    private static OrganisationDetails Details(string name, Jurisdiction territory) =>
        new(name, OrganisationKind.Partner, territory, "01 99 00 60 00", null, null);

    [Fact]
    public async Task Prefecture_writes_inside_its_department_audited_and_is_refused_elsewhere()
    {
        var created = await _store.Commands.CreateAsync(Prefecture77, Details("Croix-Rouge 77", Jurisdiction.Department("77")));
        Assert.True(created.Succeeded);

        var contact = await _store.Commands.AddContactAsync(Prefecture77, created.Id!.Value,
            new ContactDetails("Julien Moreau", "Directeur de l'urgence", ["06 39 98 60 01"], null, null));
        Assert.True(contact.Succeeded);

        var elsewhere = await _store.Commands.CreateAsync(Prefecture77, Details("Croix-Rouge 35", Jurisdiction.Department("35")));
        Assert.Contains("hors de votre département", elsewhere.Errors.Single());

        var audit = await _store.AuditAsync();
        Assert.Equal([DirectoryAuditActions.OrganisationCreated, DirectoryAuditActions.ContactAdded], audit.Select(r => r.Action));
        Assert.All(audit, r => Assert.Equal("prefecture77", r.ActorId));
        Assert.All(audit, r => Assert.Equal("77", r.DepartmentCode));
    }

    [Fact]
    public async Task Other_profiles_cannot_write_and_a_prefecture_cannot_edit_a_zone_partner_it_sees()
    {
        var enedis = await _store.AddAsync("Enedis Île-de-France", OrganisationKind.Partner, Jurisdiction.Zone("PARIS"));

        var bySdis = await _store.Commands.CreateAsync(Sdis77, Details("X", Jurisdiction.Department("77")));
        Assert.Equal("Seuls l'administration et les préfectures peuvent modifier l'annuaire.", bySdis.Errors.Single());

        var byPrefecture = await _store.Commands.UpdateAsync(Prefecture77, enedis.Id, Details("Enedis", Jurisdiction.Zone("PARIS")));
        Assert.Contains("hors de votre département", byPrefecture.Errors.Single());

        var byAdmin = await _store.Commands.UpdateAsync(Admin, enedis.Id, Details("Enedis IDF", Jurisdiction.Zone("PARIS")));
        Assert.True(byAdmin.Succeeded);
        Assert.Equal("Enedis IDF", (await _store.Queries.FindAsync(Admin, enedis.Id))!.Name);
    }

    [Fact]
    public async Task Contacts_are_edited_and_removed_and_invalid_details_refused()
    {
        var chelles = await _store.AddAsync("Mairie de Chelles", OrganisationKind.TownHall, Jurisdiction.Commune("77108"), "Claire Martin");
        var claire = chelles.Contacts.Single().Id;

        var invalid = await _store.Commands.UpdateContactAsync(Prefecture77, chelles.Id, claire, new ContactDetails("Claire", null, ["abc"], null, null));
        Assert.False(invalid.Succeeded);

        Assert.True((await _store.Commands.UpdateContactAsync(Prefecture77, chelles.Id, claire,
            new ContactDetails("Claire Martin", "DGS", ["01 99 00 10 01"], "claire@chelles.example.fr", "Joignable de 7 h à 22 h"))).Succeeded);
        Assert.Equal("DGS", (await _store.Queries.FindAsync(Admin, chelles.Id))!.Contacts.Single().Function);

        Assert.True((await _store.Commands.RemoveContactAsync(Prefecture77, chelles.Id, claire)).Succeeded);
        Assert.Empty((await _store.Queries.FindAsync(Admin, chelles.Id))!.Contacts);

        var unseen = await _store.Commands.RemoveContactAsync(MayorOfGuichen, chelles.Id, claire);
        Assert.Equal("Organisation introuvable.", unseen.Errors.Single());
    }
}
