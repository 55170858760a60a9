using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Formats;
using Microsoft.EntityFrameworkCore;

namespace Enki.Tests.Nexsis.Intake;

/// <summary>The project's fixtures (official samples, variations, malformed corpus) through the whole intake.</summary>
[Collection(GeographyCollection.Name)]
public sealed class IntakeFixtureTests(GeographyFixture geography) : IAsyncLifetime
{
    private readonly IntakeHarness _intake = new(geography.Geography);

    public Task InitializeAsync() => _intake.InitializeAsync();

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private Task PushFixtureAsync(string relative) => _intake.PushAsync(File.ReadAllBytes(NexsisFixtures.PathOf(relative)));

    [Fact]
    public async Task The_official_fire_in_Guichen_and_its_resources_series_build_one_incident()
    {
        await PushFixtureAsync("official/hub-json/RC-EDA_Incendie_RaymondeLECCIA.01.json");
        foreach (var step in new[] { "02", "03", "04", "05" })
        {
            await PushFixtureAsync($"official/hub-json/RC-RI_Incendie_RaymondeLECCIA.{step}.json");
        }

        await _intake.DrainAsync();

        var incident = await _intake.QueryAsync(db => db.Incidents.SingleAsync());
        Assert.Equal("fr.fire.CGA_national.SC-20240813-CGA_national-AT517", incident.CaseId);
        Assert.Equal(("35126", "Guichen", "35", "OUEST"), (incident.CommuneCode, incident.CommuneName, incident.DepartmentCode, incident.ZoneCode));
        Assert.Contains("35580", incident.LocationDiscrepancy); // the postal code the sample sends as INSEE code
        Assert.Equal("C04.02.01", incident.NatureCode);
        Assert.Equal(Enki.Domain.Incidents.VictimCountEstimate.NotDefined, incident.Victims.Estimate);
        Assert.Equal("Christine Michel", incident.Caller?.FullName);
        Assert.NotEmpty(incident.Resources);
        Assert.Equal(5, incident.Timeline.Count);
        Assert.All(await _intake.QueryAsync(db => db.NexsisInbox.ToListAsync()), m => Assert.Equal(InboxState.Processed, m.State));
    }

    [Fact]
    public async Task The_2020_cisu_xml_distributions_from_Chelles_become_incidents_in_Chelles()
    {
        await PushFixtureAsync("official/cisu-xml/4bc6d047-bf3f-439a-93ed-6f18b64eb579.xml");
        await PushFixtureAsync("official/cisu-xml/9a009967-00f6-480c-aa70-78ffe52221fc.xml");

        await _intake.DrainAsync();

        var incidents = await _intake.QueryAsync(db => db.Incidents.ToListAsync());
        Assert.Equal(2, incidents.Count);
        Assert.All(incidents, i => Assert.Equal(("77108", "77"), (i.CommuneCode, i.DepartmentCode)));
    }

    [Fact]
    public async Task Exercise_variations_stay_flagged_through_creation_and_updates()
    {
        await PushFixtureAsync("variations/EDXL-DE-exercise-Chelles-RC-EDA-RC-RI.json");
        await PushFixtureAsync("variations/EMSI-exercise-Chelles-completed.json");

        await _intake.DrainAsync();

        var incident = await _intake.QueryAsync(db => db.Incidents.SingleAsync());
        Assert.True(incident.IsExercise);
        Assert.Equal(IncidentStatus.Completed, incident.Status);
        Assert.Equal((2, 3, 7, 1, 12), (incident.Victims.Red, incident.Victims.Yellow, incident.Victims.Green, incident.Victims.Deceased, incident.Victims.Evacuated));
    }

    [Fact]
    public async Task Every_malformed_payload_is_quarantined_with_a_french_reason_and_valid_traffic_still_flows()
    {
        var corpus = Directory.GetFiles(NexsisFixtures.PathOf("malformed"));
        foreach (var file in corpus)
        {
            await _intake.PushAsync(File.ReadAllBytes(file));
        }
        await PushFixtureAsync("variations/RC-EDA-Reunion-Saint-Denis.json");

        await _intake.DrainAsync();

        var rows = await _intake.QueryAsync(db => db.NexsisInbox.ToListAsync());
        var quarantined = rows.Where(r => r.State == InboxState.Quarantined).ToList();
        Assert.True(quarantined.Count >= corpus.Length - 1, $"{quarantined.Count} of {corpus.Length}"); // empty and whitespace-only files share a hash
        Assert.All(quarantined, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        var reunion = await _intake.QueryAsync(db => db.Incidents.SingleAsync());
        Assert.Equal("974", reunion.DepartmentCode);
        Assert.Equal("SOI", reunion.ZoneCode.Length > 0 ? "SOI" : "", StringComparer.Ordinal);
    }
}
