using Enki.Application.Accounts;
using Enki.Application.Crises;
using Enki.Application.Directory;
using Enki.Application.Mobilisation;
using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Directory;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Logbook;
using Enki.Infrastructure.Mobilisation;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Incidents;
using Enki.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enki.Tests.EndToEnd;

/// <summary>
/// Every command checks every id it is given against the actor's rights, on the server. The review's
/// hole: the CODIS, a mere reader of the préfecture's crisis, wrote into its main courante through
/// « Demander un moyen ». Each command type is then tried with ids outside the actor's jurisdiction or
/// beyond their right, against the running app's own services and its SQLite file.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CommandIdChecksEndToEndTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();
    private IBrowserContext? _context;
    private Uri _base = null!;
    private readonly Dictionary<string, Viewer> _viewers = [];
    private Crisis _prefectureCrisis = null!;
    private Crisis _guichenCrisis = null!;
    private Guid _chellesIncident;
    private Guid _guichenIncident;

    public async Task InitializeAsync()
    {
        _base = _app.StartKestrel();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>();
            foreach (var name in new[] { "prefecture77", "sdis77", "maire-chelles", "maire-guichen", "cogic" })
            {
                var user = await users.FindByNameAsync(name) ?? throw new InvalidOperationException(name);
                _viewers[name] = new Viewer(user.Id, user.DisplayName, user.Profile, user.Jurisdiction);
            }
        }
        var chelles = IncidentSeed.Open("chelles-ids", IncidentSeed.Chelles);
        var guichen = IncidentSeed.Open("guichen-ids", IncidentSeed.Guichen);
        await using (var db = await Service<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync())
        {
            db.Incidents.AddRange(chelles, guichen);
            await db.SaveChangesAsync();
        }
        (_chellesIncident, _guichenIncident) = (chelles.Id, guichen.Id);
        // The préfecture pilots a crisis over Chelles: the CODIS of the department only reads it.
        _prefectureCrisis = await Service<CrisisCommands>().OpenAsync(Viewer("prefecture77"),
            new CrisisDraft("Crue de la Marne à Chelles", CrisisType.Flood, null, [Jurisdiction.Commune("77108")], DateTimeOffset.UtcNow.AddHours(-1), false));
        // ORSEC defaults bring in the SDIS and the mairie as contributors: the préfecture keeps them to reading here.
        await Service<CrisisCommands>().SetParticipantAsync(Viewer("prefecture77"), _prefectureCrisis.Id,
            CrisisParticipant.Service(Jurisdiction.Department("77"), Profile.Sdis, "SDIS 77", ParticipationRight.Read));
        await Service<CrisisCommands>().SetParticipantAsync(Viewer("prefecture77"), _prefectureCrisis.Id,
            CrisisParticipant.Organisation(Jurisdiction.Commune("77108"), "Mairie de Chelles", ParticipationRight.Read));
        _guichenCrisis = await Service<CrisisCommands>().OpenAsync(Viewer("cogic"),
            new CrisisDraft("Orages à Guichen", CrisisType.Flood, null, [Jurisdiction.Commune("35126")], DateTimeOffset.UtcNow.AddHours(-1), false));
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        await _app.DisposeAsync();
    }

    private T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private Viewer Viewer(string name) => _viewers[name];

    private static MobilisationDraft Draft(Guid? crisis = null, params Guid[] incidents) => new()
    {
        Object = "Ouvrir le gymnase aux sinistrés",
        ResourceKind = "hébergement d'urgence",
        Quantity = 40,
        PlaceText = "Gymnase, Chelles",
        Deadline = DateTimeOffset.UtcNow.AddHours(3),
        CrisisId = crisis,
        IncidentIds = incidents,
        RecipientCommune = "77108",
    };

    private async Task<int> MobilisationEntriesAsync(Guid crisisId)
    {
        var entries = await Service<LogbookQueries>().AllAsync(Viewer("prefecture77"), crisisId) ?? [];
        return entries.Count(e => e.Text.Contains("Demande de mobilisation"));
    }

    [SkippableFact]
    public async Task A_reader_of_a_crisis_asks_for_a_resource_from_it_and_nothing_reaches_its_logbook()
    {
        _context = await chromium.Require().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "fr-FR",
        });
        var page = await _context.NewPageAsync();
        await page.SignInAsync(_base, "sdis77");
        await page.GotoAsync(new Uri(_base, $"mobilisations/nouvelle?crise={_prefectureCrisis.Id}").ToString());
        await page.WaitForCircuitAsync();

        // The page says the crisis cannot be linked, and does not offer it.
        await Assertions.Expect(page.GetByTestId("crisis-read-only")).ToContainTextAsync("Crue de la Marne à Chelles");
        await Assertions.Expect(page.GetByTestId("field-crisis")).Not.ToContainTextAsync("Crue de la Marne à Chelles");
        await page.PickCommuneAsync("Chelles", "Chelles (Seine-et-Marne)");
        await page.GetByLabel("Objet").FillAsync("Ouvrir le gymnase aux sinistrés");
        await page.GetByLabel("Moyen demandé").FillAsync("hébergement d'urgence");
        await page.GetByLabel("Lieu").FillAsync("Gymnase, Chelles");
        await page.GetByLabel("Lieu").BlurAsync();
        await page.ScreenshotAsync("request-from-read-only-crisis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/mobilisations/[0-9a-f-]{36}$"), new() { Timeout = 20_000 });

        // Issued, but not into a crisis the CODIS may only read.
        var id = Guid.Parse(page.Url.Split('/')[^1]);
        var request = await Service<MobilisationQueries>().DetailAsync(Viewer("sdis77"), id);
        Assert.NotNull(request);
        Assert.Null(request.CrisisId);
        Assert.Equal(0, await MobilisationEntriesAsync(_prefectureCrisis.Id));
    }

    [Fact]
    public async Task Issuing_refuses_a_crisis_the_issuer_only_reads_or_cannot_see_and_foreign_incidents()
    {
        var commands = Service<MobilisationCommands>();
        var sdis = Viewer("sdis77");

        var readOnly = await commands.IssueAsync(sdis, Draft(_prefectureCrisis.Id));
        Assert.False(readOnly.Succeeded);
        Assert.Contains("contribution", readOnly.Error);
        var invisible = await commands.IssueAsync(sdis, Draft(_guichenCrisis.Id));
        Assert.False(invisible.Succeeded);
        Assert.Contains("Crise introuvable", invisible.Error);
        var foreignIncident = await commands.IssueAsync(sdis, Draft(null, _chellesIncident, _guichenIncident));
        Assert.False(foreignIncident.Succeeded);
        Assert.Contains("Incident introuvable", foreignIncident.Error);
        var unknownIncident = await commands.IssueAsync(sdis, Draft(null, Guid.NewGuid()));
        Assert.False(unknownIncident.Succeeded);
        Assert.Equal(0, await MobilisationEntriesAsync(_prefectureCrisis.Id));

        // The same draft within the CODIS's rights goes through: the pilot links it, the incident is its own.
        var allowed = await commands.IssueAsync(Viewer("prefecture77"), Draft(_prefectureCrisis.Id, _chellesIncident));
        Assert.True(allowed.Succeeded, allowed.Error);
        Assert.Equal(1, await MobilisationEntriesAsync(_prefectureCrisis.Id));
    }

    [Fact]
    public async Task Acting_on_a_request_needs_to_be_its_recipient_or_issuer_not_a_supervisor_nor_a_stranger()
    {
        var commands = Service<MobilisationCommands>();
        var issued = await commands.IssueAsync(Viewer("sdis77"), Draft());
        Assert.True(issued.Succeeded, issued.Error);
        var request = issued.Request!;

        var stranger = await commands.AcceptAsync(Viewer("maire-guichen"), request.Id, request.Version);
        Assert.Equal(MobilisationOutcome.NotFound, stranger);
        var supervisor = await commands.CancelAsync(Viewer("prefecture77"), request.Id, request.Version);
        Assert.False(supervisor.Succeeded);
        var recipient = await commands.AcceptAsync(Viewer("maire-chelles"), request.Id, request.Version);
        Assert.True(recipient.Succeeded, recipient.Error);
    }

    [Fact]
    public async Task Crisis_commands_refuse_foreign_crises_incidents_and_people_and_missing_rights()
    {
        var commands = Service<CrisisCommands>();
        var prefecture = Viewer("prefecture77");
        var sdis = Viewer("sdis77");

        // Outside the jurisdiction: another department's incident, another department's crisis.
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.AttachIncidentAsync(prefecture, _prefectureCrisis.Id, _guichenIncident));
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.AttachIncidentAsync(prefecture, _prefectureCrisis.Id, Guid.NewGuid()));
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.AttachIncidentAsync(prefecture, _guichenCrisis.Id, _chellesIncident));
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.DetachIncidentAsync(prefecture, _guichenCrisis.Id, _guichenIncident));
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.EditAsync(prefecture, _guichenCrisis.Id, "Titre", CrisisType.Flood, null));
        // Beyond the right: a reader neither attaches, edits, ends nor names participants.
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.AttachIncidentAsync(sdis, _prefectureCrisis.Id, _chellesIncident));
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.EditAsync(sdis, _prefectureCrisis.Id, "Titre", CrisisType.Flood, null));
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.EndAsync(sdis, _prefectureCrisis.Id, DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.SetParticipantAsync(sdis, _prefectureCrisis.Id,
            CrisisParticipant.Person(sdis, ParticipationRight.Lead)));
        // A person is named by an account id the pilot may name: inside the jurisdiction, existing.
        var foreignPerson = await Assert.ThrowsAsync<CrisisRefused>(() => commands.SetParticipantAsync(prefecture, _prefectureCrisis.Id,
            CrisisParticipant.Person(Viewer("maire-guichen").Id, "Maire de Guichen", ParticipationRight.Contribution)));
        Assert.Contains("introuvable", foreignPerson.Message);
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.SetParticipantAsync(prefecture, _prefectureCrisis.Id,
            CrisisParticipant.Person(Guid.NewGuid().ToString(), "Inconnu", ParticipationRight.Contribution)));
        // An organisation is named by a real territory.
        await Assert.ThrowsAsync<CrisisRefused>(() => commands.SetParticipantAsync(prefecture, _prefectureCrisis.Id,
            CrisisParticipant.Organisation(Jurisdiction.Commune("99999"), "Commune fantôme", ParticipationRight.Contribution)));

        var crisis = await Service<CrisisQueries>().FindAsync(prefecture, _prefectureCrisis.Id);
        Assert.Empty(crisis!.IncidentIds);
        Assert.Equal("Crue de la Marne à Chelles", crisis.Title);
        // Only the opening préfecture and its ORSEC defaults (kept to reading by the set-up): nothing the refusals tried.
        Assert.Equal(new[] { Viewer("prefecture77").Id, "commune:77108", "departement:77#Prefecture", "departement:77#Sdis" }.Order(StringComparer.Ordinal),
            crisis.Participants.Select(p => p.Reference).Order(StringComparer.Ordinal));
        Assert.All(crisis.Participants.Where(p => p.Kind == ParticipantKind.Organisation && p.Reference != "departement:77#Prefecture"),
            p => Assert.Equal(ParticipationRight.Read, p.Right));
    }

    [Fact]
    public async Task Logbook_entries_refuse_readers_foreign_crises_and_corrections_of_another_crisis()
    {
        var logbook = _app.Services.CreateScope().ServiceProvider.GetRequiredService<ILogbook>();
        var entry = await logbook.AppendAsync(_prefectureCrisis.Id, Viewer("prefecture77"), LogbookEntryKind.Information, "Point de situation");

        await Assert.ThrowsAsync<Enki.Domain.Crises.CrisisRefused>(() =>
            logbook.AppendAsync(_prefectureCrisis.Id, Viewer("sdis77"), LogbookEntryKind.Information, "Lecteur"));
        await Assert.ThrowsAsync<CrisisRefused>(() =>
            logbook.AppendAsync(_guichenCrisis.Id, Viewer("prefecture77"), LogbookEntryKind.Information, "Hors département"));
        await Assert.ThrowsAsync<CrisisRefused>(() =>
            logbook.AppendAsync(_guichenCrisis.Id, Viewer("cogic"), LogbookEntryKind.Information, "Correction", corrects: entry));
    }

    [Fact]
    public async Task Directory_and_account_commands_refuse_another_department()
    {
        var prefecture = Viewer("prefecture77");
        Organisation inIlleEtVilaine;
        await using (var db = await Service<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync())
        {
            inIlleEtVilaine = await db.Organisations.AsNoTracking().FirstAsync(o => o.DepartmentCode == "35");
        }
        var organisations = Service<OrganisationCommands>();
        var update = await organisations.UpdateAsync(prefecture, inIlleEtVilaine.Id,
            new OrganisationDetails("Renommée", inIlleEtVilaine.Kind, Jurisdiction.Department("35"), "02 99 00 00 00", null, null));
        Assert.False(update.Succeeded);
        var contact = await organisations.AddContactAsync(prefecture, inIlleEtVilaine.Id,
            new ContactDetails("Intrus", null, ["02 99 00 00 01"], null, null));
        Assert.False(contact.Succeeded);
        var created = await organisations.CreateAsync(prefecture,
            new OrganisationDetails("Mairie de Guichen bis", OrganisationKind.TownHall, Jurisdiction.Commune("35126"), "02 99 00 00 02", null, null));
        Assert.False(created.Succeeded);

        await using var scope = _app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var guichen = Viewer("maire-guichen");
        var access = await accounts.ChangeAccessAsync(prefecture, guichen.Id, Profile.Mayor, Jurisdiction.Commune("77108"));
        Assert.Equal(["Compte introuvable."], access.Errors);
        var disable = await accounts.SetDisabledAsync(prefecture, guichen.Id, true);
        Assert.Equal(["Compte introuvable."], disable.Errors);
        var invite = await accounts.InviteAsync(prefecture,
            new InvitationRequest("intrus@test.invalid", "Intrus", null, Profile.Mayor, Jurisdiction.Commune("35126")), _base.ToString());
        Assert.False(invite.Succeeded);
        var self = await accounts.SetDisabledAsync(prefecture, prefecture.Id, true);
        Assert.False(self.Succeeded);
    }
}
