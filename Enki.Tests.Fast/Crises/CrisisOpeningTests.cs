using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Directory;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Logbook;
using Enki.Tests.Geography;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Crises.CrisisViewers;
using static Enki.Tests.Incidents.IncidentSeed;

namespace Enki.Tests.Crises;

/// <summary>A crisis just opened: ORSEC roles by default, its territory's figures at once, all suggestions in one step.</summary>
[Collection(GeographyCollection.Name)]
public sealed class CrisisOpeningTests(GeographyFixture geography) : IAsyncLifetime
{
    private static readonly Viewer OtherSdis77 = new("sdis77-bis", "Opérateur CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
    private CrisisStore _store = null!;
    private readonly Incident _flood = Open("INOND-CHELLES", Chelles, "C08.03.00");
    private readonly Incident _flood2 = Open("INOND-CHELLES-2", Chelles with { Address = "quai Auguste Prévost" }, "C08.03.00", minutesAfterT0: 3);
    private readonly Incident _fire = Open("FEU-CHELLES", Chelles, "C04.02.01", minutesAfterT0: 5);
    private readonly Incident _floodMeaux = Open("INOND-MEAUX", Meaux, "C08.03.00", minutesAfterT0: 10);

    public async Task InitializeAsync()
    {
        _store = await new CrisisStore(geography.Geography).InitializeAsync();
        await _store.AddAsync(_flood, _flood2, _fire, _floodMeaux);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_crisis_over_a_commune_brings_in_its_mairie_to_contribute_and_the_prefecture_to_pilot()
    {
        var crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");

        Assert.Contains(crisis.Participants, p => p.Reference == "commune:77108" && p.Right == ParticipationRight.Contribution && p.Name == "Mairie de Chelles (77108)");
        Assert.Contains(crisis.Participants, p => p.Reference == "departement:77#Prefecture" && p.Right == ParticipationRight.Lead);
        Assert.Equal(ParticipationRight.Contribution, AccessPolicy.CrisisRight(MayorOfChelles, crisis));
        Assert.Equal(ParticipationRight.Lead, AccessPolicy.CrisisRight(Prefecture77, crisis));
        // The préfecture's pilotage is not the whole department's: another SDIS operator only reads.
        Assert.Equal(ParticipationRight.Read, AccessPolicy.CrisisRight(OtherSdis77, crisis));
        Assert.Null(AccessPolicy.CrisisRight(MayorOfGuichen, crisis));
        // And the store agrees: the préfecture finds it as a participant.
        await _store.Commands.EditAsync(Prefecture77, crisis.Id, "Crue de la Marne", CrisisType.Flood, null);
    }

    [Fact]
    public async Task A_prefecture_opening_a_crisis_brings_in_its_SDIS_and_the_reachable_mairies_of_the_territory()
    {
        var directory = _store.Services.GetRequiredService<ITerritoryDirectory>();
        await using (var db = await _store.DbFactory.CreateDbContextAsync())
        {
            db.Organisations.Add(Organisation.Create(Guid.NewGuid(), new OrganisationDetails("Mairie de Meaux", OrganisationKind.TownHall,
                Jurisdiction.Commune("77284"), "01 99 00 11 00", null, null), directory, _store.Now));
            db.Organisations.Add(Organisation.Create(Guid.NewGuid(), new OrganisationDetails("Mairie de Guichen", OrganisationKind.TownHall,
                Jurisdiction.Commune("35126"), "01 99 00 21 00", null, null), directory, _store.Now));
            await db.SaveChangesAsync();
        }

        var crisis = await _store.OpenAsync(Prefecture77, CrisisType.Flood, "departement:77");

        Assert.Contains(crisis.Participants, p => p.Reference == "departement:77#Sdis" && p.Right == ParticipationRight.Contribution);
        Assert.Contains(crisis.Participants, p => p.Reference == "commune:77284" && p.Right == ParticipationRight.Contribution);
        Assert.DoesNotContain(crisis.Participants, p => p.Reference == "commune:35126");
        Assert.Equal(ParticipationRight.Contribution, AccessPolicy.CrisisRight(OtherSdis77, crisis));
        await _store.Writer.AppendAsync(crisis.Id, OtherSdis77, LogbookEntryKind.Information, "CODIS armé");
    }

    [Fact]
    public async Task A_new_crisis_shows_its_territorys_figures_until_incidents_are_attached_then_takes_all_suggestions_at_once()
    {
        var crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
        var dashboard = _store.Services.GetRequiredService<CrisisDashboardQueries>();

        var territory = await dashboard.TerritoryAsync(Sdis77, crisis, _store.Now);
        Assert.Equal(3, territory.InProgress); // Chelles' three incidents, not Meaux's
        Assert.Equal(0, (await dashboard.ReadAsync(Sdis77, crisis, _store.Now)).InProgress);

        var suggestions = await _store.Queries.SuggestionsAsync(Sdis77, crisis, _store.Now);
        Assert.Equal(2, suggestions.Count); // the floods; the fire is not a flood's nature
        var attached = await _store.Commands.AttachIncidentsAsync(Sdis77, crisis.Id, [.. suggestions.Select(s => s.Id), _floodMeaux.Id, _floodMeaux.Id]);

        var after = (await _store.Queries.FindAsync(Sdis77, crisis.Id))!;
        Assert.Equal(3, attached);
        Assert.Equal(3, after.IncidentIds.Count);
        Assert.Empty(await _store.Queries.SuggestionsAsync(Sdis77, after, _store.Now));
        var entries = (await _store.Logbook.AllAsync(Sdis77, crisis.Id))!;
        var entry = Assert.Single(entries, e => e.Text.Contains("rattaché"));
        Assert.StartsWith("3 incident(s) rattaché(s) : ", entry.Text);
        // Attaching them again changes nothing and writes nothing.
        Assert.Equal(0, await _store.Commands.AttachIncidentsAsync(Sdis77, crisis.Id, [_flood.Id]));
        Assert.Equal(entries.Count, (await _store.Logbook.AllAsync(Sdis77, crisis.Id))!.Count);
    }

    [Theory]
    [InlineData("departement:77#Inconnu")]
    [InlineData("departement:77#42")]
    [InlineData("departement:77#Sdis,Maire")]
    [InlineData("departement:99#Sdis")]
    [InlineData("commune:99999#Maire")]
    public async Task A_participant_service_must_be_a_known_profile_of_a_real_territory(string reference)
    {
        var crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");

        var refused = await Assert.ThrowsAsync<CrisisRefused>(() => _store.Commands.SetParticipantAsync(Sdis77, crisis.Id,
            new CrisisParticipant(ParticipantKind.Organisation, reference, "Service", ParticipationRight.Lead)));

        Assert.StartsWith("Organisation introuvable", refused.Message);
    }

    [Fact]
    public async Task A_pilot_changes_the_right_of_a_default_service_and_that_service_gets_it()
    {
        var crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
        var prefecture = Assert.Single(crisis.Participants, p => p.Reference == "departement:77#Prefecture");

        await _store.Commands.SetParticipantAsync(Sdis77, crisis.Id, prefecture with { Right = ParticipationRight.Read });
        await _store.Commands.SetParticipantAsync(Sdis77, crisis.Id,
            CrisisParticipant.Service(Jurisdiction.Department("77"), Profile.Sdis, "SDIS 77", ParticipationRight.Contribution));

        await using var db = await _store.DbFactory.CreateDbContextAsync();
        var stored = await db.Crises.FindAsync(crisis.Id);
        Assert.Equal(ParticipationRight.Read, Assert.Single(stored!.Participants, p => p.Reference == "departement:77#Prefecture").Right);
        Assert.Equal(ParticipationRight.Read, AccessPolicy.CrisisRight(Prefecture77, stored));
        Assert.Contains(stored.Participants, p => p.Reference == "departement:77#Sdis" && p.Right == ParticipationRight.Contribution);
    }
}
