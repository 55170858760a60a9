using Enki.Domain.Access;
using Enki.Infrastructure.Incidents;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Dashboard;

[Collection(GeographyCollection.Name)]
public sealed class DashboardQueriesTests(GeographyFixture geography) : IAsyncLifetime
{
    private readonly IntakeHarness _intake = new(geography.Geography, services => services.AddSingleton<DashboardQueries>());

    public async Task InitializeAsync()
    {
        await _intake.InitializeAsync();
        // Chelles: a fire in progress with victims, a road accident completed; Guichen: a flood; an exercise in Chelles.
        await _intake.PushAsync(CreateCase("case.chelles.fire", nature: "C04.02.01"));
        await _intake.PushAsync(Situation("case.chelles.fire", "IPR", T0.AddMinutes(10), red: 1, yellow: 2, green: 3, evacuated: 20));
        await _intake.PushAsync(Resource("case.chelles.fire", "res.FPT1", "ARRIVEE", T0.AddMinutes(12)));
        await _intake.PushAsync(CreateCase("case.chelles.road", nature: "C01.01.01", lat: 48.8750, lon: 2.6000));
        await _intake.PushAsync(Situation("case.chelles.road", "COM", T0.AddMinutes(30), black: 1));
        await _intake.PushAsync(CreateCase("case.guichen.flood", insee: "35126", lat: 47.9657986, lon: -1.7901215, nature: "C08.01.00"));
        await _intake.PushAsync(CreateCase("case.chelles.exercise", status: "Exercise", lat: 48.8800, lon: 2.5950));
        await _intake.DrainAsync();
    }

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private Task<DashboardFigures> ReadAsync(Jurisdiction scope) =>
        _intake.Services.GetRequiredService<DashboardQueries>().ReadAsync(scope, _intake.Clock.GetUtcNow());

    [Fact]
    public async Task Counters_cover_real_traffic_of_the_scope_only()
    {
        var chelles = await ReadAsync(Jurisdiction.Commune("77108"));

        Assert.Equal(1, chelles.InProgress); // the road accident is completed
        Assert.Equal(2, chelles.NewLastHour);
        Assert.Equal((1, 2, 3, 1, 20), (chelles.VictimsRed, chelles.VictimsYellow, chelles.VictimsGreen, chelles.Deceased, chelles.Evacuated));
        Assert.Equal(1, chelles.EngagedResources);
        Assert.Equal(1, chelles.ExercisesInProgress);
        Assert.Equal(2, chelles.Latest.Count);
        Assert.DoesNotContain(chelles.Latest, l => l.CommuneName == "Guichen");
        Assert.Empty(chelles.Breakdown); // nothing below a commune
    }

    [Fact]
    public async Task A_case_passed_on_late_counts_when_it_happened_not_when_it_was_received()
    {
        // Created three hours before Enki received it (after a restart, or NexSIS lagging).
        var createdAt = _intake.Clock.GetUtcNow().AddHours(-3);
        await _intake.PushAsync(CreateCase("case.chelles.late", lat: 48.8770, lon: 2.5930, sentAt: createdAt, nature: "C08.01.00"));
        await _intake.DrainAsync();

        var chelles = await ReadAsync(Jurisdiction.Commune("77108"));

        Assert.Equal(2, chelles.NewLastHour); // not 3
        var late = Assert.Single(chelles.ByFamilyAndHour, c => c.Family == "C08");
        Assert.Equal(createdAt.UtcDateTime.Hour, late.Hour.UtcDateTime.Hour);
    }

    [Fact]
    public async Task National_scope_adds_up_every_territory_and_ranks_departments()
    {
        var national = await ReadAsync(Jurisdiction.National);

        Assert.Equal(2, national.InProgress);
        Assert.Equal(["77", "35"], national.Breakdown.Select(b => b.Code));
        Assert.Equal("Seine-et-Marne", national.Breakdown[0].Name);
        Assert.Equal(2, national.Breakdown[0].Total);
        Assert.Equal(3, national.ByFamilyAndHour.Sum(c => c.Count));
        Assert.Contains(national.ByFamilyAndHour, c => c.Family == "C08");
    }

    [Fact]
    public async Task A_department_is_broken_down_by_commune_and_sees_nothing_of_another()
    {
        var seineEtMarne = await ReadAsync(Jurisdiction.Department("77"));
        var illeEtVilaine = await ReadAsync(Jurisdiction.Department("35"));

        Assert.Equal("Chelles", Assert.Single(seineEtMarne.Breakdown).Name);
        Assert.Equal(1, illeEtVilaine.InProgress);
        Assert.Equal(0, illeEtVilaine.VictimsRed);
    }
}
