using Enki.Application.Directory;
using System.Text;
using Enki.Domain.Directory;
using static Enki.Tests.Organisations.DirectoryStore;

namespace Enki.Tests.Organisations;

public sealed class DirectoryCsvImportTests : IAsyncLifetime
{
    private const string Header = "nom;type;commune;departement;zone;telephone;email;adresse;contact_nom;contact_fonction;contact_telephone;contact_email";

    private readonly DirectoryStore _store = new();

    public async Task InitializeAsync() => await _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    private Task<ImportReport> ImportAsync(string csv, bool apply = true, bool bom = false, Domain.Access.Viewer? viewer = null)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (bom) bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        return _store.Import.ImportAsync(viewer ?? Admin, new MemoryStream(bytes), apply);
    }

    [Fact]
    public async Task Good_file_creates_organisations_and_merges_contacts_by_name_and_territory()
    {
        var report = await ImportAsync($""""
            {Header}
            Mairie de Chelles;Mairie;77108;;;01 99 00 10 00;mairie@chelles.example.fr;Parc du Souvenir;Claire Martin;DGS;01 99 00 10 01 | 06 39 98 10 01;claire@chelles.example.fr
            Mairie de Chelles;mairie;77108;;;;;;Paul Lefèvre;Élu d'astreinte;06 39 98 10 02;
            "Enedis Île-de-France";Partenaire;;;PARIS;+33 1 99 00 50 00;;;"Sophie Bernard";"Interlocutrice ""crise""";06 39 98 50 01;
            """");

        Assert.Empty(report.Refused);
        Assert.Equal(2, report.Created);
        Assert.Equal(3, report.ContactsAdded);
        Assert.StartsWith("3 ligne(s) lue(s) : 2 organisation(s) créée(s)", report.Summary);
        var chelles = (await _store.Queries.SearchAsync(Admin, "Mairie de Chelles")).Single();
        Assert.Equal(["Claire Martin", "Paul Lefèvre"], chelles.Contacts.Select(c => c.Name).Order());
        Assert.Equal(["+33199001001", "+33639981001"], chelles.Contacts.Single(c => c.Name == "Claire Martin").Phones);
        Assert.Equal("+33199001000", chelles.Phone);
        var enedis = (await _store.Queries.SearchAsync(Admin, "enedis")).Single();
        Assert.Equal("Interlocutrice \"crise\"", enedis.Contacts.Single().Function);
        Assert.Equal(2, (await _store.AuditAsync()).Count(r => r.Action == DirectoryAuditActions.Imported));
    }

    [Fact]
    public async Task Mixed_file_imports_the_valid_lines_and_reports_the_refused_ones_with_reasons()
    {
        var report = await ImportAsync($"""
            {Header}
            SDIS 77;SDIS;;77;;01 99 00 40 00;;;Officier CODIS;Chef de salle;01 99 00 40 18;
            ;Mairie;77108;;;01 99 00 10 00;;;;;;
            Mairie fantôme;Mairie;99999;;;01 99 00 10 00;;;;;;
            Mairie de Meaux;Château;77288;;;01 99 00 11 00;;;;;;
            Mairie de Meaux;Mairie;77288;;;;;;;;;
            Croix-Rouge 77;Partenaire;;77;;;urgence77@example;;Julien Moreau;;123;
            """);

        Assert.Equal(["SDIS 77"], report.Organisations.Select(o => o.Name));
        Assert.Equal([3, 4, 5, 6, 7], report.Refused.Select(r => r.Line));
        Assert.Contains("Le nom de l'organisation est obligatoire.", report.Refused[0].Reasons);
        Assert.Contains("Commune inconnue : « 99999 » (code INSEE attendu).", report.Refused[1].Reasons);
        Assert.StartsWith("Type inconnu « Château »", report.Refused[2].Reasons.Single());
        Assert.Contains(report.Refused[3].Reasons, r => r.StartsWith("Indiquez au moins un moyen de joindre l'organisation"));
        Assert.Contains(report.Refused[4].Reasons, r => r.Contains("« urgence77@example » n'est pas une adresse valide"));
        Assert.Contains(report.Refused[4].Reasons, r => r.Contains("« 123 » n'est pas un numéro français"));
        Assert.Equal("SDIS 77", (await _store.Queries.SearchAsync(Admin, null)).Single().Name);
    }

    [Fact]
    public async Task Bom_and_comma_separator_are_read()
    {
        var report = await ImportAsync(
            Header.Replace(';', ',') + "\r\nCOGIC,COGIC,,,,01 99 00 70 00,,\"1 place Beauvau, Paris\",Officier de permanence,,01 99 00 70 01,\r\n",
            bom: true);

        Assert.Empty(report.FileErrors);
        Assert.Empty(report.Refused);
        var cogic = (await _store.Queries.SearchAsync(Admin, "cogic")).Single();
        Assert.Equal("1 place Beauvau, Paris", cogic.Address);
        Assert.Equal(Domain.Access.Jurisdiction.National, cogic.Territory);
    }

    [Fact]
    public async Task Importing_again_updates_instead_of_duplicating()
    {
        var csv = $"{Header}\nMairie de Chelles;Mairie;77108;;;01 99 00 10 00;;;Claire Martin;DGS;01 99 00 10 01;\n";
        await ImportAsync(csv);

        var again = await ImportAsync(csv.Replace("DGS", "Directrice générale des services"));

        Assert.Equal(1, again.Updated);
        Assert.Equal(1, again.ContactsUpdated);
        var chelles = (await _store.Queries.SearchAsync(Admin, "chelles")).Single();
        Assert.Equal("Directrice générale des services", chelles.Contacts.Single().Function);
    }

    [Fact]
    public async Task Preview_writes_nothing()
    {
        var report = await ImportAsync($"{Header}\nMairie de Chelles;Mairie;77108;;;01 99 00 10 00;;;;;;\n", apply: false);

        Assert.False(report.Applied);
        Assert.Equal(1, report.Created);
        Assert.Contains("à créer", report.Summary);
        Assert.Empty(await _store.Queries.SearchAsync(Admin, null));
        Assert.Empty(await _store.AuditAsync());
    }

    [Fact]
    public async Task Prefecture_imports_only_inside_its_department_and_a_mayor_not_at_all()
    {
        var report = await ImportAsync($"""
            {Header}
            Mairie de Chelles;Mairie;77108;;;01 99 00 10 00;;;;;;
            Mairie de Guichen;Mairie;35126;;;01 99 00 20 00;;;;;;
            """, viewer: Prefecture77);

        Assert.Equal(["Mairie de Chelles"], report.Organisations.Select(o => o.Name));
        Assert.Contains("hors de votre département", report.Refused.Single().Reasons.Single());

        var mayor = await ImportAsync($"{Header}\n", viewer: MayorOfChelles);
        Assert.Equal("Fichier refusé : rien n'a été importé.", mayor.Summary);
    }

    [Fact]
    public async Task File_without_the_required_columns_is_refused_whole()
    {
        var report = await ImportAsync("name;kind\nMairie;Mairie\n");

        Assert.Contains(report.FileErrors, e => e.StartsWith("Colonne « nom » absente"));
        Assert.Empty(await _store.Queries.SearchAsync(Admin, null));
    }
}
