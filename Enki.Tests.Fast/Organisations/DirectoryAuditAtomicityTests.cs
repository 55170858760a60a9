using System.Text;
using Enki.Domain.Access;
using Enki.Domain.Directory;
using Enki.Tests.Support;
using static Enki.Tests.Organisations.DirectoryStore;

namespace Enki.Tests.Organisations;

/// <summary>A directory write and its audit row are one unit of work: a failure on either leaves neither (issue 13).</summary>
public sealed class DirectoryAuditAtomicityTests
{
    private static OrganisationDetails Details(string name) =>
        new(name, OrganisationKind.Partner, Jurisdiction.Department("77"), "01 99 00 60 00", null, null);

    [Fact]
    public async Task An_organisation_whose_audit_row_cannot_be_written_is_not_created()
    {
        var failing = FailingWrite.InsertInto("AuditEntries");
        await using var store = await new DirectoryStore(failing.AddTo).InitializeAsync();

        failing.Arm();
        await FailingWrite.AssertFailsAsync(() => store.Commands.CreateAsync(Prefecture77, Details("Croix-Rouge 77")));

        Assert.Equal(1, failing.Refused);
        Assert.Empty(await store.Queries.SearchAsync(Admin, null));
        Assert.Empty(await store.AuditAsync());

        failing.Disarm();
        var retried = await store.Commands.CreateAsync(Prefecture77, Details("Croix-Rouge 77"));

        Assert.True(retried.Succeeded);
        Assert.Single(await store.Queries.SearchAsync(Admin, null));
        Assert.Equal(DirectoryAuditActions.OrganisationCreated, Assert.Single(await store.AuditAsync()).Action);
    }

    [Fact]
    public async Task A_contact_that_cannot_be_saved_writes_no_audit_row()
    {
        var failing = FailingWrite.InsertInto("OrganisationContacts");
        await using var store = await new DirectoryStore(failing.AddTo).InitializeAsync();
        var chelles = await store.AddAsync("Mairie de Chelles", OrganisationKind.TownHall, Jurisdiction.Commune("77108"));

        failing.Arm();
        await FailingWrite.AssertFailsAsync(() => store.Commands.AddContactAsync(Prefecture77, chelles.Id,
            new ContactDetails("Claire Martin", "DGS", ["01 99 00 10 01"], null, null)));

        Assert.Equal(1, failing.Refused);
        Assert.Empty((await store.Queries.FindAsync(Admin, chelles.Id))!.Contacts);
        Assert.Empty(await store.AuditAsync());
    }

    [Fact]
    public async Task An_import_whose_audit_rows_cannot_be_written_imports_nothing()
    {
        var failing = FailingWrite.InsertInto("AuditEntries");
        await using var store = await new DirectoryStore(failing.AddTo).InitializeAsync();
        var csv = Encoding.UTF8.GetBytes("""
            nom;type;commune;departement;zone;telephone;email;adresse;contact_nom;contact_fonction;contact_telephone;contact_email
            Mairie de Chelles;Mairie;77108;;;01 99 00 10 00;;;Claire Martin;DGS;01 99 00 10 01;
            Croix-Rouge 77;Partenaire;;77;;01 99 00 60 00;;;;;;
            """);

        failing.Arm();
        await FailingWrite.AssertFailsAsync(() => store.Import.ImportAsync(Admin, new MemoryStream(csv), apply: true));

        Assert.Empty(await store.Queries.SearchAsync(Admin, null));
        Assert.Empty(await store.AuditAsync());

        failing.Disarm();
        var report = await store.Import.ImportAsync(Admin, new MemoryStream(csv), apply: true);

        Assert.Equal(2, report.Created);
        Assert.Equal(2, (await store.Queries.SearchAsync(Admin, null)).Count);
        Assert.Equal(2, (await store.AuditAsync()).Count(r => r.Action == DirectoryAuditActions.Imported));
    }
}
