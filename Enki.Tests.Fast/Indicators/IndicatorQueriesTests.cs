using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Domain.Indicators.IndicatorRepresentation;
using static Enki.Tests.Indicators.IndicatorDataSet;

namespace Enki.Tests.Indicators;

/// <summary>Each indicator over the day of <see cref="IndicatorDataSet"/>; every expected figure is worked out by hand there.</summary>
/// <remarks>Run again on PostgreSQL (<c>IndicatorQueriesOnPostgresTests</c>).</remarks>
[Collection(GeographyCollection.Name)]
public class IndicatorQueriesTests : IAsyncLifetime
{
    private readonly GeographyFixture _geography;
    private readonly IntakeHarness _intake;
    private readonly bool _aggregated;

    public IndicatorQueriesTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    /// <param name="aggregated">Whether the opening hours are refreshed before each test, so that whole hours are read from the pre-aggregate.</param>
    protected IndicatorQueriesTests(GeographyFixture geography, TestEngine engine, bool aggregated = false)
    {
        _geography = geography;
        _aggregated = aggregated;
        _intake = new(geography.Geography, services => services.AddSingleton<IndicatorQueries>(), engine: engine);
    }

    public async Task InitializeAsync()
    {
        await _intake.InitializeAsync();
        await LoadAsync(_intake, _geography.Geography);
        if (_aggregated)
        {
            await OpenedHourAggregateTests.RefreshAllAsync(_intake.Services);
        }
    }

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private async Task<IndicatorResult?> ComputeAsync(
        IndicatorDefinition indicator, IndicatorRepresentation representation, Viewer? viewer = null, string territory = "national",
        IndicatorStep step = IndicatorStep.Hour, string? category = null, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        Assert.True(IndicatorTerritory.TryParse(territory, out var parsed));
        var request = new IndicatorRequest(indicator, parsed, from ?? Day, to ?? Day.AddDays(1), step, representation, category);
        return await _intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer ?? National, request);
    }

    private async Task<IReadOnlyList<double?>> NumberAsync(IndicatorDefinition indicator, Viewer? viewer = null, string territory = "national", string? category = null) =>
        Assert.Single((await ComputeAsync(indicator, Number, viewer, territory, category: category))!.Rows).Values;

    private static double? Hour(IndicatorResult result, int hour) => result.Rows.Single(r => r.At == At(hour, 0)).Values[0];

    [Fact]
    public async Task Opened_counts_real_cases_by_the_time_they_happened()
    {
        var series = (await ComputeAsync(IndicatorCatalogue.OpenedIncidents, TimeSeries))!;

        Assert.Equal([4d], await NumberAsync(IndicatorCatalogue.OpenedIncidents)); // A, B, C, D: not the exercise, not F nor G (other days)
        Assert.Equal(24, series.Rows.Count);
        Assert.Equal((3d, 1d, 0d), (Hour(series, 9), Hour(series, 10), Hour(series, 11)));
        Assert.Equal("Europe/Paris", series.TimeZone);
    }

    [Fact]
    public async Task Opened_by_commune_department_and_nature_family()
    {
        var communes = (await ComputeAsync(IndicatorCatalogue.OpenedIncidents, CommuneMap))!.Rows;
        var departments = (await ComputeAsync(IndicatorCatalogue.OpenedIncidents, DepartmentMap))!.Rows;
        var families = (await ComputeAsync(IndicatorCatalogue.OpenedIncidents, Table))!.Rows;

        Assert.Equal([("35126", "Guichen", 1d), ("77108", "Chelles", 2d), ("77284", "Meaux", 1d)], communes.Select(r => (r.Area, r.AreaName, r.Values[0]!.Value)));
        Assert.Equal([("35", "Ille-et-Vilaine", 1d), ("77", "Seine-et-Marne", 3d)], departments.Select(r => (r.Area, r.AreaName, r.Values[0]!.Value)));
        Assert.Equal([("C01", 1d), ("C04", 2d), ("C08", 1d)], families.Select(r => (r.Category!, r.Values[0]!.Value)));
        Assert.StartsWith("Incendie", families[1].CategoryLabel);
        Assert.Equal([2d], await NumberAsync(IndicatorCatalogue.OpenedIncidents, category: "C04"));
    }

    [Fact]
    public async Task Series_by_family_and_by_victim_category_give_each_hour_a_row_per_category()
    {
        var families = (await ComputeAsync(IndicatorCatalogue.OpenedIncidents, CategorySeries))!.Rows;
        var victims = (await ComputeAsync(IndicatorCatalogue.Victims, CategorySeries))!.Rows;

        // The families met (C01 B, C04 A and C, C08 D) on each of the 24 hours, zeros included.
        Assert.Equal(24 * 3, families.Count);
        Assert.Equal([("C01", 1d), ("C04", 1d), ("C08", 1d)], families.Where(r => r.At == At(9, 0)).Select(r => (r.Category!, r.Values[0]!.Value)));
        Assert.Equal([("C01", 0d), ("C04", 1d), ("C08", 0d)], families.Where(r => r.At == At(10, 0)).Select(r => (r.Category!, r.Values[0]!.Value)));
        Assert.Equal(4d, families.Sum(r => r.Values[0]));
        // Every victim category, in the field's order, on each hour: A's and B's counts at their opening hour (09:00).
        Assert.Equal(24 * 7, victims.Count);
        Assert.Equal([1d, 1d, 2d, 3d, 0d, 20d, 0d], victims.Where(r => r.At == At(9, 0)).Select(r => r.Values[0]!.Value));
        Assert.Equal("Urgences absolues", victims.First(r => r.Category == "absolute-emergency").CategoryLabel);
        Assert.Equal(27d, victims.Sum(r => r.Values[0]));
    }

    [Fact]
    public async Task In_progress_at_an_instant_follows_the_status_known_at_that_instant()
    {
        var series = (await ComputeAsync(IndicatorCatalogue.IncidentsInProgress, TimeSeries))!;

        // G, opened in Réunion the evening before (Paris time), is still in progress all day.
        Assert.Equal([4d], await NumberAsync(IndicatorCatalogue.IncidentsInProgress)); // at midnight: A, C, D, G (B completed at 09:55)
        Assert.Equal(1d, Hour(series, 8));   // at 09:00: G; A is only just opening
        Assert.Equal(3d, Hour(series, 9));   // at 10:00: A, D, G (B completed at 09:55)
        Assert.Equal(4d, Hour(series, 10));  // at 11:00: A, C, D, G
        Assert.Equal([2d], Assert.Single((await ComputeAsync(IndicatorCatalogue.IncidentsInProgress, Number, territory: "departement:77"))!.Rows).Values);
    }

    [Fact]
    public async Task A_case_completed_then_resumed_is_in_progress_again_and_closed_once()
    {
        // H in Guichen: opened 12:00, completed 13:10, resumed 15:00 (a fire rekindles), completed again 17:30.
        await _intake.PushAsync(TestMessages.CreateCase("case.h", insee: "35126", lat: 47.9657986, lon: -1.7901215, sentAt: At(12, 0), nature: "C04.02.01"));
        await _intake.PushAsync(TestMessages.Situation("case.h", "COM", At(13, 10)));
        await _intake.PushAsync(TestMessages.Situation("case.h", "IPR", At(15, 0)));
        await _intake.PushAsync(TestMessages.Situation("case.h", "COM", At(17, 30)));
        await _intake.DrainAsync();

        var guichen = (await ComputeAsync(IndicatorCatalogue.IncidentsInProgress, TimeSeries, territory: "commune:35126"))!;
        var closed = (await ComputeAsync(IndicatorCatalogue.ClosedIncidents, TimeSeries, territory: "commune:35126"))!;

        // D (09:45, never closed) is in progress throughout.
        Assert.Equal([2d, 1d, 1d, 2d, 2d, 1d], Enumerable.Range(12, 6).Select(h => Hour(guichen, h)!.Value)); // at 13:00 … 18:00
        Assert.Equal(1d, closed.Rows.Sum(r => r.Values[0]));
        Assert.Equal(1d, Hour(closed, 17)); // its last closing
    }

    [Fact]
    public async Task Closed_counts_the_closing_when_its_sender_said_it()
    {
        var series = (await ComputeAsync(IndicatorCatalogue.ClosedIncidents, TimeSeries))!;

        Assert.Equal([1d], await NumberAsync(IndicatorCatalogue.ClosedIncidents));
        Assert.Equal(1d, Hour(series, 9));
    }

    [Fact]
    public async Task Victims_by_category_from_the_latest_counts()
    {
        var table = (await ComputeAsync(IndicatorCatalogue.Victims, Table))!.Rows;

        Assert.Equal(
            [("deceased", 1d), ("absolute-emergency", 1d), ("relative-emergency", 2d), ("involved", 3d), ("missing", 0d), ("evacuated", 20d), ("displaced", 0d)],
            table.Select(r => (r.Category!, r.Values[0]!.Value)));
        Assert.Equal("Urgences absolues", table[1].CategoryLabel);
        Assert.Equal([27d], await NumberAsync(IndicatorCatalogue.Victims));
        Assert.Equal([1d], await NumberAsync(IndicatorCatalogue.Victims, category: "deceased"));
    }

    [Fact]
    public async Task Resources_engaged_by_kind_and_their_engagement_durations()
    {
        var engaged = (await ComputeAsync(IndicatorCatalogue.EngagedResources, TimeSeries))!;
        var kinds = (await ComputeAsync(IndicatorCatalogue.EngagedResources, Table))!.Rows;

        Assert.Equal([3d], await NumberAsync(IndicatorCatalogue.EngagedResources));
        Assert.Equal((2d, 1d), (Hour(engaged, 9), Hour(engaged, 10)));
        Assert.Equal([("SIS", 3d)], kinds.Select(r => (r.Category!, r.Values[0]!.Value)));
        // FPT1 60 min (09:02 → 10:02), VSAV1 90 min (09:35 → 11:05); FPT2 still engaged: median rank 1, P90 rank 2.
        Assert.Equal([60d, 90d, 2d], await NumberAsync(IndicatorCatalogue.EngagementDuration));
    }

    [Fact]
    public async Task Resources_engaged_and_their_engagement_durations_in_every_representation()
    {
        // Engaged: FPT1 09:02 and VSAV1 09:35 in Chelles, FPT2 10:20 in Meaux. Released: FPT1 10:02 (60 min), VSAV1 11:05 (90 min).
        var byCommune = (await ComputeAsync(IndicatorCatalogue.EngagedResources, CommuneMap))!.Rows;
        Assert.Equal([("77108", 2d), ("77284", 1d)], byCommune.Select(r => (r.Area!, r.Values[0]!.Value)));
        var byDepartment = (await ComputeAsync(IndicatorCatalogue.EngagedResources, DepartmentMap))!.Rows;
        Assert.Equal([("77", 3d)], byDepartment.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Equal(3d, Assert.Single((await ComputeAsync(IndicatorCatalogue.EngagedResources, TimeSeries, step: IndicatorStep.Day))!.Rows).Values[0]);
        Assert.Equal([3d], await NumberAsync(IndicatorCatalogue.EngagedResources, category: "SIS"));

        var durations = (await ComputeAsync(IndicatorCatalogue.EngagementDuration, TimeSeries))!.Rows;
        Assert.Equal([null, null, 0d], durations.Single(r => r.At == At(9, 0)).Values);
        Assert.Equal([60d, 60d, 1d], durations.Single(r => r.At == At(10, 0)).Values);
        Assert.Equal([90d, 90d, 1d], durations.Single(r => r.At == At(11, 0)).Values);
        Assert.Equal([60d, 90d, 2d], Assert.Single((await ComputeAsync(IndicatorCatalogue.EngagementDuration, TimeSeries, step: IndicatorStep.Day))!.Rows).Values);
        var durationsByDepartment = (await ComputeAsync(IndicatorCatalogue.EngagementDuration, DepartmentMap))!.Rows;
        Assert.Equal([("77", [60d, 90d, 2d])], durationsByDepartment.Select(r => (r.Area!, r.Values.Select(v => v!.Value).ToArray())));
        var durationsByKind = (await ComputeAsync(IndicatorCatalogue.EngagementDuration, Table))!.Rows;
        Assert.Equal([("SIS", [60d, 90d, 2d])], durationsByKind.Select(r => (r.Category!, r.Values.Select(v => v!.Value).ToArray())));
    }

    [Fact]
    public async Task Resources_of_a_period_starting_inside_an_hour_and_of_a_mayor_s_commune_only()
    {
        // From 09:30: VSAV1 (09:35) in the partial hour, FPT2 (10:20) after it; not FPT1 (09:02).
        Assert.Equal([2d], Assert.Single((await ComputeAsync(IndicatorCatalogue.EngagedResources, Number, from: At(9, 30)))!.Rows).Values);
        // From 10:30: VSAV1's release (11:05), not FPT1's (10:02) in the partial hour.
        Assert.Equal([90d, 90d, 1d], Assert.Single((await ComputeAsync(IndicatorCatalogue.EngagementDuration, Number, from: At(10, 30)))!.Rows).Values);
        // The mayor of Chelles: FPT1 and VSAV1 only; Meaux is not theirs, nor the nation.
        Assert.Equal([2d], await NumberAsync(IndicatorCatalogue.EngagedResources, MayorOfChelles, "commune:77108"));
        Assert.Equal([60d, 90d, 2d], await NumberAsync(IndicatorCatalogue.EngagementDuration, MayorOfChelles, "commune:77108"));
        var mayorsMap = (await ComputeAsync(IndicatorCatalogue.EngagedResources, CommuneMap, MayorOfChelles, "commune:77108"))!.Rows;
        Assert.Equal([("77108", 2d)], mayorsMap.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Null(await ComputeAsync(IndicatorCatalogue.EngagedResources, Number, MayorOfChelles, "commune:77284"));
        Assert.Null(await ComputeAsync(IndicatorCatalogue.EngagementDuration, Number, MayorOfChelles));
        // Guichen's mayor: no resource on D.
        Assert.Equal([0d], await NumberAsync(IndicatorCatalogue.EngagedResources, MayorOfGuichen, "commune:35126"));
    }

    [Fact]
    public async Task Coverage_time_from_the_case_creation_to_the_first_arrival_split_into_alert_and_travel()
    {
        // A: 12 min (alert 2, travel 10); B: 20 (5, 15); C: 30 (5, 25). Medians rank 2, P90 rank 3.
        Assert.Equal([20d, 30d, 5d, 5d, 15d, 25d, 3d], await NumberAsync(IndicatorCatalogue.CoverageTime));
        var byCommune = (await ComputeAsync(IndicatorCatalogue.CoverageTime, CommuneMap))!.Rows;
        Assert.Equal([("77108", 12d, 2d), ("77284", 30d, 1d)], byCommune.Select(r => (r.Area!, r.Values[0]!.Value, r.Values[6]!.Value)));
        var byDepartment = (await ComputeAsync(IndicatorCatalogue.CoverageTime, DepartmentMap))!.Rows;
        Assert.Equal([("77", [20d, 30d, 5d, 5d, 15d, 25d, 3d])], byDepartment.Select(r => (r.Area!, r.Values.Select(v => v!.Value).ToArray())));
        // By hour: A and B at 09:00 (12 and 20: median rank 1, P90 rank 2), C at 10:00; other hours measure nothing.
        var series = (await ComputeAsync(IndicatorCatalogue.CoverageTime, TimeSeries))!;
        Assert.Equal([12d, 20d, 2d, 5d, 10d, 15d, 2d], series.Rows.Single(r => r.At == At(9, 0)).Values);
        Assert.Equal([30d, 30d, 5d, 5d, 25d, 25d, 1d], series.Rows.Single(r => r.At == At(10, 0)).Values);
        Assert.Equal([null, null, null, null, null, null, 0d], series.Rows.Single(r => r.At == At(11, 0)).Values);
        var byDay = Assert.Single((await ComputeAsync(IndicatorCatalogue.CoverageTime, TimeSeries, step: IndicatorStep.Day))!.Rows);
        Assert.Equal([20d, 30d, 5d, 5d, 15d, 25d, 3d], byDay.Values);
    }

    [Fact]
    public async Task Coverage_time_of_a_period_starting_inside_an_hour_and_of_a_mayor_s_commune_only()
    {
        // From 09:30: B and C, not A (09:00), in the hour 09:00–10:00 that the period only partly covers.
        var fromHalfPast = await ComputeAsync(IndicatorCatalogue.CoverageTime, Number, from: At(9, 30));
        Assert.Equal([20d, 30d, 5d, 5d, 15d, 25d, 2d], Assert.Single(fromHalfPast!.Rows).Values);
        // The mayor of Chelles: A (12: alert 2, travel 10) and B (20: 5, 15) only; Meaux is not theirs, nor the nation.
        Assert.Equal([12d, 20d, 2d, 5d, 10d, 15d, 2d], await NumberAsync(IndicatorCatalogue.CoverageTime, MayorOfChelles, "commune:77108"));
        var mayorsMap = (await ComputeAsync(IndicatorCatalogue.CoverageTime, CommuneMap, MayorOfChelles, "commune:77108"))!.Rows;
        Assert.Equal([("77108", 2d)], mayorsMap.Select(r => (r.Area!, r.Values[6]!.Value)));
        Assert.Null(await ComputeAsync(IndicatorCatalogue.CoverageTime, Number, MayorOfChelles, "commune:77284"));
        Assert.Null(await ComputeAsync(IndicatorCatalogue.CoverageTime, Number, MayorOfChelles));
        // Guichen's mayor: D never had a resource on scene.
        Assert.Equal([null, null, null, null, null, null, 0d], await NumberAsync(IndicatorCatalogue.CoverageTime, MayorOfGuichen, "commune:35126"));
    }

    [Fact]
    public async Task Rate_per_ten_thousand_inhabitants_and_population_touched_use_the_insee_populations()
    {
        // Populations: Chelles 54,620, Meaux 56,905, Guichen 9,412.
        var rates = (await ComputeAsync(IndicatorCatalogue.RatePerInhabitants, CommuneMap))!.Rows;
        var touched = (await ComputeAsync(IndicatorCatalogue.PopulationTouched, DepartmentMap))!.Rows;

        Assert.Equal([2 * 10_000d / 54_620, 2, 54_620], rates.Single(r => r.Area == "77108").Values);
        Assert.Equal([10_000d / 9_412, 1, 9_412], rates.Single(r => r.Area == "35126").Values);
        Assert.Equal([2 * 10_000d / 54_620, 2, 54_620], await NumberAsync(IndicatorCatalogue.RatePerInhabitants, territory: "commune:77108"));
        Assert.Equal([54_620d + 56_905 + 9_412, 3], await NumberAsync(IndicatorCatalogue.PopulationTouched));
        Assert.Equal([("35", 9_412d, 1d), ("77", 111_525d, 2d)], touched.Select(r => (r.Area!, r.Values[0]!.Value, r.Values[1]!.Value)));
    }

    [Fact]
    public async Task Each_view_sums_away_what_it_does_not_show()
    {
        // The opening indicators keep apart only the hour (series), commune, department or family their view shows.
        var victimsByHour = (await ComputeAsync(IndicatorCatalogue.Victims, TimeSeries))!;
        var victimsByDepartment = (await ComputeAsync(IndicatorCatalogue.Victims, DepartmentMap))!.Rows;
        var touchedByHour = (await ComputeAsync(IndicatorCatalogue.PopulationTouched, TimeSeries))!;
        var firesByDepartment = (await ComputeAsync(IndicatorCatalogue.OpenedIncidents, DepartmentMap, category: "C04"))!.Rows;
        var ratesByDepartment = (await ComputeAsync(IndicatorCatalogue.RatePerInhabitants, DepartmentMap))!.Rows;
        var (seineEtMarne, illeEtVilaine) = (Population("77"), Population("35"));

        Assert.Equal((27d, 0d), (Hour(victimsByHour, 9), Hour(victimsByHour, 10))); // A's 26 and B's 1, both opened 09:xx
        Assert.Equal([("77", 27d)], victimsByDepartment.Select(r => (r.Area!, r.Values[0]!.Value))); // D in Guichen has none
        // 09:00: Chelles (A, B: once) and Guichen (D); 10:00: Meaux (C).
        Assert.Equal([54_620d + 9_412, 2], touchedByHour.Rows.Single(r => r.At == At(9, 0)).Values);
        Assert.Equal([56_905d, 1], touchedByHour.Rows.Single(r => r.At == At(10, 0)).Values);
        Assert.Equal([("77", 2d)], firesByDepartment.Select(r => (r.Area!, r.Values[0]!.Value))); // A and C
        Assert.Equal([3 * 10_000d / seineEtMarne, 3, seineEtMarne], ratesByDepartment.Single(r => r.Area == "77").Values);
        Assert.Equal([10_000d / illeEtVilaine, 1, illeEtVilaine], ratesByDepartment.Single(r => r.Area == "35").Values);
    }

    private double Population(string department) => _geography.Geography.CommunesOfDepartment(department).Sum(c => (double)c.Population);

    [Fact]
    public async Task A_mayor_sees_the_figures_of_their_commune_only()
    {
        Assert.Equal([2d], await NumberAsync(IndicatorCatalogue.OpenedIncidents, MayorOfChelles, "commune:77108")); // not the exercise E
        Assert.Equal([1d], await NumberAsync(IndicatorCatalogue.OpenedIncidents, MayorOfGuichen, "commune:35126"));
        Assert.Equal([0d], await NumberAsync(IndicatorCatalogue.Victims, MayorOfGuichen, "commune:35126"));
        Assert.Null(await ComputeAsync(IndicatorCatalogue.OpenedIncidents, Number, MayorOfChelles, "commune:35126"));
        Assert.Null(await ComputeAsync(IndicatorCatalogue.OpenedIncidents, Number, MayorOfChelles, "departement:77"));
        Assert.Null(await ComputeAsync(IndicatorCatalogue.OpenedIncidents, Number, MayorOfGuichen, "national"));
        Assert.Null(await ComputeAsync(IndicatorCatalogue.OpenedIncidents, Number, National, "commune:99999"));
    }

    [Fact]
    public async Task A_crisis_territory_counts_its_communes_and_departments_for_those_who_see_the_crisis()
    {
        var directory = new GeographyTerritoryDirectory(_geography.Geography);
        var crisis = Crisis.Open(National, "Orages", CrisisType.Storm, null,
            [Jurisdiction.Commune("77284"), Jurisdiction.Department("35")], Day, false, directory, Day.AddDays(2));
        await _intake.QueryAsync(async db =>
        {
            db.Crises.Add(crisis);
            return await db.SaveChangesAsync();
        });

        Assert.Equal([2d], await NumberAsync(IndicatorCatalogue.OpenedIncidents, territory: $"crise:{crisis.Id}")); // C in Meaux, D in Guichen
        Assert.Equal([56_905d + 9_412, 2], await NumberAsync(IndicatorCatalogue.PopulationTouched, territory: $"crise:{crisis.Id}"));
        Assert.Null(await ComputeAsync(IndicatorCatalogue.OpenedIncidents, Number, MayorOfChelles, $"crise:{crisis.Id}"));
    }

    [Fact]
    public async Task Days_are_paris_days_in_metropolitan_france()
    {
        // F at 00:30 Paris on the 29th is 23:30 UTC on the 28th: it belongs to the 29th.
        var days = (await ComputeAsync(IndicatorCatalogue.OpenedIncidents, TimeSeries, territory: "departement:77",
            step: IndicatorStep.Day, from: Day, to: Day.AddDays(2)))!.Rows;

        Assert.Equal([(Day, 3d), (Day.AddDays(1), 1d)], days.Select(r => (r.At!.Value, r.Values[0]!.Value)));
    }

    [Fact]
    public async Task Days_are_local_days_overseas()
    {
        // G at 02:00 in Réunion on the 28th is 23:00 in Paris on the 27th: Réunion's day counts it on the 28th.
        var reunionDay = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(4));
        var result = (await ComputeAsync(IndicatorCatalogue.OpenedIncidents, TimeSeries, territory: "departement:974",
            step: IndicatorStep.Day, from: reunionDay, to: reunionDay.AddDays(1)))!;

        var day = Assert.Single(result.Rows);
        Assert.Equal((reunionDay, TimeSpan.FromHours(4), 1d), (day.At!.Value, day.At!.Value.Offset, day.Values[0]!.Value));
        Assert.Equal("Indian/Reunion", result.TimeZone);
    }
}
