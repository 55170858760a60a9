using Enki.Domain.Crises;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Logbook;
using Enki.Tests.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Crises.CrisisViewers;
using static Enki.Tests.Incidents.IncidentSeed;

namespace Enki.Tests.Crises;

/// <summary>Crises on a real SQLite file: who sees which, suggestions, the crisis dashboard.</summary>
[Collection(GeographyCollection.Name)]
public sealed class CrisisQueriesTests(GeographyFixture geography) : IAsyncLifetime
{
    private CrisisStore _store = null!;
    private readonly Incident _flood = Open("INOND-CHELLES", Chelles, "C08.03.00", minutesAfterT0: 0);
    private readonly Incident _fire = Open("FEU-CHELLES", Chelles, "C04.02.01", minutesAfterT0: 5);
    private readonly Incident _floodMeaux = Open("INOND-MEAUX", Meaux, "C08.03.00", minutesAfterT0: 10);
    private readonly Incident _floodGuichen = Open("INOND-GUICHEN", Guichen, "C08.03.00", minutesAfterT0: 15);
    private readonly Incident _drill = Open("EXERCICE-CHELLES", Chelles, "C08.03.00", minutesAfterT0: 20, exercise: true);
    private readonly Incident _old = Open("INOND-ANCIENNE", Chelles, "C08.03.00", minutesAfterT0: -24 * 60);

    public async Task InitializeAsync()
    {
        _store = await new CrisisStore(geography.Geography).InitializeAsync();
        await _store.AddAsync(_flood, _fire, _floodMeaux, _floodGuichen, _drill, _old);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Mayor_of_Guichen_never_sees_a_Chelles_crisis()
    {
        var chelles = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
        var guichen = await _store.OpenAsync(MayorOfGuichen, CrisisType.Storm, "commune:35126");

        Assert.Equal([guichen.Id], (await _store.Queries.ListAsync(MayorOfGuichen)).Select(c => c.Id));
        Assert.Null(await _store.Queries.FindAsync(MayorOfGuichen, chelles.Id));
        Assert.Null(await _store.Logbook.SearchAsync(MayorOfGuichen, chelles.Id, new LogbookQuery()));
        await Assert.ThrowsAsync<CrisisRefused>(() => _store.Writer.AppendAsync(chelles.Id, MayorOfGuichen, LogbookEntryKind.Information, "intrusion"));

        Assert.Equal([chelles.Id], (await _store.Queries.ListAsync(MayorOfChelles)).Select(c => c.Id));
        Assert.Equal([chelles.Id], (await _store.Queries.ListAsync(Prefecture77)).Select(c => c.Id));
        Assert.Equal(2, (await _store.Queries.ListAsync(Cogic)).Count);
    }

    [Fact]
    public async Task A_participating_organisation_sees_the_crisis_outside_its_territory()
    {
        var chelles = await _store.OpenAsync(Sdis77, CrisisType.Flood, "departement:77");
        Assert.Empty(await _store.Queries.ListAsync(MayorOfGuichen));

        await _store.Commands.SetParticipantAsync(Sdis77, chelles.Id,
            CrisisParticipant.Organisation(MayorOfGuichen.Jurisdiction, "Mairie de Guichen", ParticipationRight.Contribution));

        Assert.NotNull(await _store.Queries.FindAsync(MayorOfGuichen, chelles.Id));
        await _store.Writer.AppendAsync(chelles.Id, MayorOfGuichen, LogbookEntryKind.Information, "Renfort proposé");
    }

    [Fact]
    public async Task Suggestions_are_same_family_inside_territory_and_window_and_not_attached()
    {
        var crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");

        var suggested = await _store.Queries.SuggestionsAsync(Sdis77, crisis, _store.Now);
        Assert.Equal([_flood.Id], suggested.Select(s => s.Id));

        await _store.Commands.AttachIncidentAsync(Sdis77, crisis.Id, _flood.Id);
        crisis = (await _store.Queries.FindAsync(Sdis77, crisis.Id))!;

        Assert.Empty(await _store.Queries.SuggestionsAsync(Sdis77, crisis, _store.Now));
        Assert.Equal([_flood.Id], (await _store.Queries.AttachedAsync(Sdis77, crisis)).Select(i => i.Id));
    }

    [Fact]
    public async Task A_department_crisis_suggests_across_its_communes_but_only_what_the_viewer_sees()
    {
        var crisis = await _store.OpenAsync(Cogic, CrisisType.Flood, "departement:77", "commune:35126");

        var forCogic = await _store.Queries.SuggestionsAsync(Cogic, crisis, _store.Now);
        var forMayor = await _store.Queries.SuggestionsAsync(MayorOfGuichen, crisis, _store.Now);

        Assert.Equal([_floodGuichen.Id, _floodMeaux.Id, _flood.Id], forCogic.Select(s => s.Id));
        Assert.Equal([_floodGuichen.Id], forMayor.Select(s => s.Id));
    }

    [Fact]
    public async Task Attaching_writes_the_logbook_and_feeds_the_crisis_dashboard()
    {
        var crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
        _store.Tick();
        await _store.Commands.AttachIncidentAsync(Sdis77, crisis.Id, _flood.Id);
        _store.Tick();
        await _store.Commands.AttachIncidentAsync(Sdis77, crisis.Id, _fire.Id);
        crisis = (await _store.Queries.FindAsync(Sdis77, crisis.Id))!;

        var figures = await _store.Services.GetRequiredService<CrisisDashboardQueries>().ReadAsync(Sdis77, crisis, _store.Now);
        var logbook = await _store.Logbook.SearchAsync(Sdis77, crisis.Id, new LogbookQuery(Tag: LogbookEntryKinds.AutomaticTag));

        Assert.Equal(2, figures.InProgress);
        Assert.Equal([_fire.Id, _flood.Id], figures.Latest.Select(l => l.Id));
        Assert.Equal(2, figures.ByFamilyAndHour.Sum(c => c.Count));
        Assert.Equal(3, logbook!.Total);
        Assert.StartsWith("Incident rattaché", logbook.Items[0].Text);
        Assert.StartsWith("Crise ouverte", logbook.Items[^1].Text);
    }

    [Fact]
    public async Task Attaching_an_incident_the_viewer_does_not_see_is_refused()
    {
        var crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");

        var refused = await Assert.ThrowsAsync<CrisisRefused>(() => _store.Commands.AttachIncidentAsync(Sdis77, crisis.Id, _floodGuichen.Id));
        Assert.Equal("Incident introuvable.", refused.Message);
    }

    [Fact]
    public async Task Every_crisis_change_is_audited()
    {
        var crisis = await _store.OpenAsync(Sdis77, CrisisType.Flood, "commune:77108");
        await _store.Commands.EndAsync(Sdis77, crisis.Id, _store.Now);

        await using var db = await _store.DbFactory.CreateDbContextAsync();
        var actions = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal([CrisisAuditActions.Opened, CrisisAuditActions.Ended], actions);
        Assert.True(await db.AuditEntries.AllAsync(e => e.CommuneCode == "77108" && e.ActorId == "sdis77"));
    }
}
