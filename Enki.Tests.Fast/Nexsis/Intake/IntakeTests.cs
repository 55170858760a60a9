using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Tests.Geography;
using Microsoft.EntityFrameworkCore;
using static Enki.Tests.Nexsis.Intake.TestMessages;
using Enki.Tests.Support;

namespace Enki.Tests.Nexsis.Intake;

[Collection(GeographyCollection.Name)]
public class IntakeTests : IAsyncLifetime
{
    public IntakeTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    // The same tests on PostgreSQL: Persistence/Postgres.
    protected IntakeTests(GeographyFixture geography, TestEngine engine) => _intake = new(geography.Geography, engine: engine);

    private const string Case = "fr.fire.sis077.cga-077.SC-20261128-077-T001";
    private readonly IntakeHarness _intake;

    public Task InitializeAsync() => _intake.InitializeAsync();

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private Task<Incident> IncidentAsync(string caseId = Case) =>
        _intake.QueryAsync(db => db.Incidents.SingleAsync(i => i.CaseId == caseId));

    [SkippableFact]
    public async Task A_created_case_becomes_an_incident_placed_in_its_commune_department_and_zone()
    {
        await _intake.PushAsync(CreateCase(Case));

        var outcome = Assert.Single(await _intake.DrainAsync());

        Assert.Equal(1, outcome.Processed);
        var incident = await IncidentAsync();
        Assert.Equal(("77108", "Chelles", "77", "PARIS"), (incident.CommuneCode, incident.CommuneName, incident.DepartmentCode, incident.ZoneCode));
        Assert.Equal(IncidentStatus.Reported, incident.Status);
        Assert.Equal("C04", incident.NatureFamily);
        Assert.Contains("Incendie", incident.NatureLabel);
        Assert.False(incident.IsExercise);
        Assert.Equal("Jeanne Témoin", incident.Caller?.FullName);
        Assert.Equal(TimelineEntryKind.Opened, Assert.Single(incident.Timeline).Kind);
        Assert.Single(outcome.AcceptedDistributions);
    }

    [SkippableFact]
    public async Task The_same_distribution_twice_has_one_effect()
    {
        var first = await _intake.PushAsync(CreateCase(Case));
        var second = await _intake.PushAsync(CreateCase(Case));
        await _intake.PushAsync(Resource(Case, "fr.fire.sis077.resource.FPT1", "DEPART", T0.AddMinutes(3)));
        await _intake.PushAsync(Resource(Case, "fr.fire.sis077.resource.FPT1", "DEPART", T0.AddMinutes(3)));
        await _intake.DrainAsync();

        Assert.True(second.Duplicate);
        Assert.Equal(first.InboxId, second.InboxId);
        var incident = await IncidentAsync();
        Assert.Equal(2, incident.Timeline.Count);
        Assert.Single(Assert.Single(incident.Resources).History);
        Assert.Equal(2, await _intake.QueryAsync(db => db.NexsisInbox.CountAsync()));
    }

    [SkippableFact]
    public async Task A_message_reprocessed_after_a_reset_is_not_applied_twice()
    {
        await _intake.PushAsync(CreateCase(Case));
        await _intake.PushAsync(Resource(Case, "fr.fire.sis077.resource.FPT1", "DEPART", T0.AddMinutes(3)));
        await _intake.DrainAsync();

        // An administrator sends every message back through the intake.
        await _intake.QueryAsync(db => db.NexsisInbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, InboxState.Pending)));
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(2, incident.Timeline.Count);
        Assert.Equal(1, await _intake.QueryAsync(db => db.Incidents.CountAsync()));
    }

    [SkippableFact]
    public async Task An_older_update_never_overwrites_a_newer_state()
    {
        await _intake.PushAsync(CreateCase(Case));
        await _intake.PushAsync(Situation(Case, "COM", T0.AddHours(2), red: 1, yellow: 2));
        await _intake.DrainAsync();
        await _intake.PushAsync(Situation(Case, "IPR", T0.AddHours(1), red: 5));
        await _intake.PushAsync(Resource(Case, "fr.fire.sis077.resource.FPT1", "RET-BASE", T0.AddHours(2)));
        await _intake.PushAsync(Resource(Case, "fr.fire.sis077.resource.FPT1", "ARRIVEE", T0.AddMinutes(20)));
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(IncidentStatus.Completed, incident.Status);
        Assert.Equal((1, 2), (incident.Victims.Red, incident.Victims.Yellow));
        var resource = Assert.Single(incident.Resources);
        Assert.Equal(["ARRIVEE", "RET-BASE"], resource.History.Select(h => h.Code));
        Assert.Equal("RET-BASE", resource.Current.Code);
        Assert.Equal(0, incident.EngagedResourceCount);
        Assert.Equal(5, incident.Timeline.Count); // the older messages are still in the history
    }

    [SkippableFact]
    public async Task An_update_before_its_case_waits_then_applies_when_the_case_arrives()
    {
        await _intake.PushAsync(Situation(Case, "IPR", T0.AddMinutes(30), red: 2, evacuated: 15));
        await _intake.DrainAsync();
        Assert.Equal(InboxState.Waiting, await _intake.QueryAsync(db => db.NexsisInbox.Select(m => m.State).SingleAsync()));

        await _intake.PushAsync(CreateCase(Case));
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(IncidentStatus.InProgress, incident.Status);
        Assert.Equal((2, 15), (incident.Victims.Red, incident.Victims.Evacuated));
        Assert.All(await _intake.QueryAsync(db => db.NexsisInbox.ToListAsync()), m => Assert.Equal(InboxState.Processed, m.State));
    }

    [SkippableFact]
    public async Task An_update_whose_case_never_arrives_goes_to_quarantine_after_the_delay()
    {
        await _intake.PushAsync(Situation(Case, "IPR", T0.AddMinutes(30)));
        await _intake.DrainAsync();

        _intake.Clock.Advance(TimeSpan.FromMinutes(16));
        var expired = await _intake.Processor.ExpireWaitingUpdatesAsync();

        Assert.Equal(1, expired);
        var row = await _intake.QueryAsync(db => db.NexsisInbox.SingleAsync());
        Assert.Equal(InboxState.Quarantined, row.State);
        Assert.Contains("affaire inconnue", row.Reason);
    }

    [SkippableFact]
    public async Task Postal_code_in_the_insee_field_is_corrected_by_the_point_and_the_discrepancy_kept()
    {
        // The official RC-EDA sample says 35580 (Guichen's postal code) where the INSEE code 35126 belongs.
        await _intake.PushAsync(CreateCase(Case, insee: "35580", lat: 47.9657986, lon: -1.7901215));
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(("35126", "Guichen", "35", "OUEST"), (incident.CommuneCode, incident.CommuneName, incident.DepartmentCode, incident.ZoneCode));
        Assert.Contains("35580", incident.LocationDiscrepancy);
    }

    [SkippableFact]
    public async Task Exercise_traffic_is_flagged()
    {
        await _intake.PushAsync(CreateCase(Case, status: "Exercise"));
        await _intake.DrainAsync();

        Assert.True((await IncidentAsync()).IsExercise);
    }

    [SkippableFact]
    public async Task A_forbidden_status_change_is_quarantined_with_its_reason_and_the_rest_goes_on()
    {
        const string other = "fr.fire.sis077.cga-077.SC-20261128-077-T002";
        await _intake.PushAsync(CreateCase(Case));
        await _intake.PushAsync(Situation(Case, "IPR", T0.AddMinutes(10), messageType: "CANCEL"));
        await _intake.DrainAsync();
        await _intake.PushAsync(Situation(Case, "IPR", T0.AddMinutes(20)));
        await _intake.PushAsync(CreateCase(other));
        await _intake.DrainAsync();

        Assert.Equal(IncidentStatus.Cancelled, (await IncidentAsync()).Status);
        var refused = await _intake.QueryAsync(db => db.NexsisInbox.SingleAsync(m => m.State == InboxState.Quarantined));
        Assert.Contains("« Annulé » à « En cours »", refused.Reason);
        Assert.Equal(IncidentStatus.Reported, (await IncidentAsync(other)).Status);
    }

    [SkippableFact]
    public async Task A_place_outside_every_commune_is_quarantined_in_french()
    {
        await _intake.PushAsync(CreateCase(Case, insee: "99999", lat: 46.5, lon: -3.5)); // Bay of Biscay

        await _intake.DrainAsync();

        var row = await _intake.QueryAsync(db => db.NexsisInbox.SingleAsync());
        Assert.Equal(InboxState.Quarantined, row.State);
        Assert.StartsWith("Lieu introuvable", row.Reason);
        Assert.Equal(0, await _intake.QueryAsync(db => db.Incidents.CountAsync()));
    }
}
