using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Map;

/// <summary>The incident map's reads on a real SQLite file, fed through the NexSIS intake.</summary>
[Collection(GeographyCollection.Name)]
public sealed class IncidentMapQueriesTests(GeographyFixture geography) : IAsyncLifetime
{
    private const string Chelles = "fr.fire.sis077.cga-077.SC-MAP-CHELLES";
    private const string Meaux = "fr.fire.sis077.cga-077.SC-MAP-MEAUX";
    private const string MeauxClosed = "fr.fire.sis077.cga-077.SC-MAP-MEAUX-CLOS";
    private const string Guichen = "fr.fire.sis035.cga-035.SC-MAP-GUICHEN";
    private const string Drill = "fr.fire.sis077.cga-077.SC-MAP-EXERCICE";

    private readonly IntakeHarness _intake = new(geography.Geography);
    private IIncidentMapQueries _queries = null!;

    public async Task InitializeAsync()
    {
        await _intake.InitializeAsync();
        _queries = new IncidentMapQueries(_intake.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>());
        await _intake.PushAsync(CreateCase(Chelles));
        await _intake.PushAsync(CreateCase(Meaux, "77284", 48.9601, 2.8788, nature: "C01.01.01"));
        await _intake.PushAsync(CreateCase(MeauxClosed, "77284", 48.9581, 2.8748));
        await _intake.PushAsync(Situation(MeauxClosed, "COM", T0.AddHours(1)));
        await _intake.PushAsync(CreateCase(Guichen, "35126", 47.9667, -1.7953));
        await _intake.PushAsync(CreateCase(Drill, status: "Exercise"));
        await _intake.DrainAsync();
    }

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private DateTimeOffset Now => _intake.Clock.GetUtcNow();

    [Fact]
    public async Task Markers_are_the_real_incidents_of_the_scope_newest_first_projected_for_the_map()
    {
        var markers = await _queries.MarkersAsync(Jurisdiction.Department("77"), Now);

        Assert.Equal(3, markers.Count);
        Assert.DoesNotContain(markers, m => m.DepartmentCode != "77");
        var meaux = Assert.Single(markers, m => m.CommuneName == "Meaux" && m.Status.IsActive());
        Assert.Equal((48.9601, 2.8788, "C01"), (meaux.Latitude, meaux.Longitude, meaux.NatureFamily));
        Assert.Contains("Accident", meaux.NatureLabel);
        Assert.Equal(markers.OrderByDescending(m => m.OpenedAt).Select(m => m.Id), markers.Select(m => m.Id));
    }

    [Fact]
    public async Task Closed_incidents_stay_on_the_map_for_24_hours_those_in_progress_until_they_close()
    {
        var tomorrow = Now.AddHours(25);

        var today = await _queries.MarkersAsync(Jurisdiction.Department("77"), Now);
        var later = await _queries.MarkersAsync(Jurisdiction.Department("77"), tomorrow);

        Assert.Contains(today, m => m.Status == IncidentStatus.Completed);
        Assert.Equal(2, later.Count);
        Assert.All(later, m => Assert.True(m.Status.IsActive()));
    }

    [Fact]
    public async Task Each_scope_sees_only_its_territory_and_never_exercises()
    {
        Assert.Equal(4, (await _queries.MarkersAsync(Jurisdiction.National, Now)).Count);
        Assert.Single(await _queries.MarkersAsync(Jurisdiction.Commune("77108"), Now));
        Assert.Single(await _queries.MarkersAsync(Jurisdiction.Department("35"), Now));
        Assert.Empty(await _queries.MarkersAsync(Jurisdiction.Commune("35001"), Now));
    }

    [Fact]
    public async Task In_progress_counts_per_department_and_zone_leave_closed_and_exercise_incidents_out()
    {
        var byDepartment = await _queries.InProgressByDepartmentAsync(Jurisdiction.National);
        var byZone = await _queries.InProgressByZoneAsync(Jurisdiction.National);
        var zoneOf77 = await _queries.InProgressByDepartmentAsync(Jurisdiction.Zone("PARIS"));

        Assert.Equal(new Dictionary<string, int> { ["77"] = 2, ["35"] = 1 }, byDepartment);
        Assert.Equal(new Dictionary<string, int> { ["PARIS"] = 2, ["OUEST"] = 1 }, byZone);
        Assert.Equal(new Dictionary<string, int> { ["77"] = 2 }, zoneOf77);
    }
}
