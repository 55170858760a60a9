using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Tests.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Nexsis.Intake;

/// <summary>Where a case lands, and what the intake takes of a nature code it does not know.</summary>
[Collection(GeographyCollection.Name)]
public sealed class IntakePlacementTests(GeographyFixture geography) : IAsyncLifetime
{
    private const string Case = "fr.fire.sis077.cga-077.SC-20261128-077-L001";
    private readonly IntakeHarness _intake = new(geography.Geography);

    public Task InitializeAsync() => _intake.InitializeAsync();

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private Task<Incident> IncidentAsync(string caseId = Case) =>
        _intake.QueryAsync(db => db.Incidents.SingleAsync(i => i.CaseId == caseId));

    /// <summary>A point just across Chelles's border, in a neighbour, a few metres from the outline.</summary>
    private (double Latitude, double Longitude, string Neighbour) JustAcrossTheBorderOfChelles()
    {
        var outline = geography.Geography.OutlineOf("77108")!;
        var centre = outline.Centroid;
        foreach (var vertex in outline.Coordinates)
        {
            // A few metres outward from the centre, beyond the vertex.
            var (dx, dy) = (vertex.X - centre.X, vertex.Y - centre.Y);
            var length = Math.Sqrt(dx * dx + dy * dy);
            var (lon, lat) = (vertex.X + dx / length * 0.00004, vertex.Y + dy / length * 0.00004);
            var distance = geography.Geography.DistanceToOutlineMetres("77108", lat, lon);
            if (geography.Geography.LocateCommune(lat, lon) is { } neighbour && neighbour.InseeCode != "77108" && distance is > 0 and < 10)
            {
                return (lat, lon, neighbour.InseeCode);
            }
        }
        throw new InvalidOperationException("no point found across the border of Chelles");
    }

    [Fact]
    public async Task A_valid_stated_commune_is_kept_when_the_point_lies_a_few_metres_across_its_border()
    {
        var (lat, lon, neighbour) = JustAcrossTheBorderOfChelles();
        Assert.NotEqual("77108", neighbour);

        await _intake.PushAsync(CreateCase(Case, insee: "77108", lat: lat, lon: lon));
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(("77108", "Chelles"), (incident.CommuneCode, incident.CommuneName));
        Assert.Null(incident.LocationDiscrepancy);
    }

    [Fact]
    public async Task The_point_decides_when_it_lies_clearly_elsewhere_than_the_stated_commune()
    {
        await _intake.PushAsync(CreateCase(Case, insee: "77108", lat: 47.9657986, lon: -1.7901215)); // Guichen, 35

        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal("35126", incident.CommuneCode);
        Assert.Contains("77108", incident.LocationDiscrepancy);
    }

    [Fact]
    public async Task A_case_that_cannot_be_placed_is_refused_at_the_push_not_after()
    {
        var receipt = await _intake.PushAsync(CreateCase(Case, insee: "99999", lat: 46.5, lon: -3.5)); // Bay of Biscay

        Assert.NotNull(receipt.Failure);
        Assert.StartsWith("Lieu introuvable", receipt.Failure!.Reason);
        Assert.Equal(InboxState.Quarantined, (await _intake.QueryAsync(db => db.NexsisInbox.SingleAsync())).State);
    }

    [Fact]
    public async Task A_nature_code_missing_from_the_embedded_list_becomes_an_incident_with_the_senders_label_and_family()
    {
        await _intake.PushAsync(CreateCase(Case, nature: "C07.42.99", natureLabel: "Explosion|Explosion sévère d'un dépôt"));

        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(("C07.42.99", "C07"), (incident.NatureCode, incident.NatureFamily));
        Assert.Equal("Explosion|Explosion sévère d'un dépôt", incident.NatureLabel);
        Assert.Empty(await _intake.QueryAsync(db => db.NexsisInbox.Where(m => m.State == InboxState.Quarantined).ToListAsync()));
    }

    [Fact]
    public async Task Unknown_codes_are_listed_for_administrators_with_count_first_and_last_seen_and_a_sample()
    {
        await _intake.PushAsync(CreateCase(Case, nature: "C07.42.99", natureLabel: "Explosion sévère"));
        await _intake.DrainAsync();
        _intake.Clock.Advance(TimeSpan.FromMinutes(10));
        await _intake.PushAsync(CreateCase(Case + "-2", nature: "C07.42.99", natureLabel: "Explosion sévère"));
        await _intake.PushAsync(CreateCase(Case + "-3")); // known code: not listed
        await _intake.DrainAsync();
        var codes = new UnknownNatureCodes(_intake.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Enki.Infrastructure.Persistence.EnkiDbContext>>());
        var admin = new Viewer("admin-id", "Administrateur", Profile.Administrator, Jurisdiction.National);
        var mayor = new Viewer("m", "Maire", Profile.Mayor, Jurisdiction.Commune("77108"));

        var code = Assert.Single(await codes.ListAsync(admin));

        Assert.Equal(("C07.42.99", "C07", 2, "Explosion sévère"), (code.Code, code.Family, code.Count, code.SampleLabel));
        Assert.Equal(TimeSpan.FromMinutes(10), code.LastSeen - code.FirstSeen);
        Assert.Empty(await codes.ListAsync(mayor));
    }

    [Fact]
    public async Task A_known_code_whose_senders_label_disagrees_keeps_both_flagged()
    {
        await _intake.PushAsync(CreateCase(Case, nature: "C11.02.01", natureLabel: "Malaise / détresse vitale"));
        await _intake.PushAsync(CreateCase(Case + "-same", nature: "C11.02.01", natureLabel: "Autre nature de fait|Protection de drop zone"));
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.True(incident.NatureLabelDisagrees);
        Assert.EndsWith("Protection de Drop Zone", incident.NatureLabel);
        Assert.Equal("Malaise / détresse vitale", incident.NatureLabelAsSent);
        Assert.False((await IncidentAsync(Case + "-same")).NatureLabelDisagrees);
    }

    [Fact]
    public async Task An_incident_is_timed_by_its_creation_in_the_message_and_keeps_its_reception_and_delay()
    {
        // Enki's clock says T0 + 5 min; NexSIS passes on a case created 40 min earlier.
        await _intake.PushAsync(CreateCase(Case, sentAt: T0.AddMinutes(-35)));
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(T0.AddMinutes(-35), incident.OpenedAt);
        Assert.Equal(T0.AddMinutes(5), incident.ReceivedAt);
        Assert.True(incident.ReceivedLate);
        Assert.False(incident.OpenedAtClamped);
    }

    [Fact]
    public async Task A_creation_time_in_the_future_is_brought_back_to_the_reception_and_flagged()
    {
        await _intake.PushAsync(CreateCase(Case, sentAt: T0.AddHours(2)));
        await _intake.DrainAsync();

        var incident = await IncidentAsync();
        Assert.Equal(T0.AddMinutes(5), incident.OpenedAt);
        Assert.True(incident.OpenedAtClamped);
        Assert.False(incident.ReceivedLate);
    }
}
