using Enki.Domain.Access;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Domain.Indicators.IndicatorRepresentation;
using static Enki.Tests.Indicators.IndicatorDataSet;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// « Victimes connues au fil du temps » on hand-made reports (28 November 2026, Paris time):
/// <code>
/// v1 Chelles opened 09:00  09:10 UA 1, UR 2        11:20 UA 3, décédé 1 (the count replaces the first)
/// v2 Guichen opened 10:00  10:30 impliqués 4
/// v3 Chelles exercise 09:00, 09:30 UA 5            (never counted)
/// v4 Chelles opened the day before 23:00, 09:30 UA 7 (opened outside the period: not followed)
/// </code>
/// Known at the end of each hour: until 09:00 → 0; 10:00 → 3 (v1); 11:00 → 3 + 4 = 7; from 12:00 → 4 + 4 = 8.
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class VictimsOverTimeQueriesTests(GeographyFixture geography) : IAsyncLifetime
{
    private readonly IntakeHarness _intake = new(geography.Geography, services => services.AddSingleton<IndicatorQueries>());

    public async Task InitializeAsync()
    {
        await _intake.InitializeAsync();
        _intake.Clock.SetUtcNow(Day.AddDays(3));
        await _intake.PushAsync(CreateCase("v1", sentAt: At(9, 0)));
        await _intake.PushAsync(Situation("v1", "IPR", At(9, 10), red: 1, yellow: 2));
        await _intake.PushAsync(CreateCase("v2", insee: "35126", lat: 47.9657986, lon: -1.7901215, sentAt: At(10, 0)));
        await _intake.PushAsync(Situation("v2", "IPR", At(10, 30), green: 4));
        await _intake.PushAsync(Situation("v1", "IPR", At(11, 20), red: 3, black: 1));
        await _intake.PushAsync(CreateCase("v3", status: "Exercise", sentAt: At(9, 0)));
        await _intake.PushAsync(Situation("v3", "IPR", At(9, 30), red: 5));
        await _intake.PushAsync(CreateCase("v4", sentAt: At(-1, 0)));
        await _intake.PushAsync(Situation("v4", "IPR", At(9, 30), red: 7));
        await _intake.DrainAsync();
    }

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private async Task<IndicatorResult> ComputeAsync(IndicatorRepresentation representation, Viewer? viewer = null, string territory = "national",
        string? category = null, IndicatorDefinition? indicator = null)
    {
        Assert.True(IndicatorTerritory.TryParse(territory, out var parsed));
        return (await _intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer ?? National,
            new IndicatorRequest(indicator ?? IndicatorCatalogue.VictimsOverTime, parsed, Day, Day.AddDays(1), IndicatorStep.Hour, representation, category)))!;
    }

    private static double?[] Hours(IndicatorResult result, params int[] hours) =>
        hours.Select(h => result.Rows.Single(r => r.At == At(h, 0)).Values[0]).ToArray();

    [Fact]
    public async Task Each_hour_shows_the_victims_as_reported_by_its_end()
    {
        var series = await ComputeAsync(TimeSeries);

        Assert.Equal(24, series.Rows.Count);
        Assert.Equal([0d, 3d, 7d, 8d, 8d], Hours(series, 8, 9, 10, 11, 23));
    }

    [Fact]
    public async Task One_category_over_time_rises_and_falls_with_the_counts()
    {
        var urgent = await ComputeAsync(TimeSeries, category: "absolute-emergency");
        var relative = await ComputeAsync(TimeSeries, category: "relative-emergency");
        var deceased = await ComputeAsync(TimeSeries, category: "deceased");

        Assert.Equal([0d, 1d, 1d, 3d], Hours(urgent, 8, 9, 10, 11));
        Assert.Equal([2d, 2d, 0d], Hours(relative, 9, 10, 11)); // the 11:20 count no longer has any
        Assert.Equal([0d, 1d], Hours(deceased, 10, 11));
    }

    [Fact]
    public async Task At_the_end_of_the_period_the_table_is_the_latest_count_of_victims_by_category()
    {
        var table = await ComputeAsync(Table);
        var latest = await ComputeAsync(Number, indicator: IndicatorCatalogue.Victims);

        Assert.Equal([1d, 3d, 0d, 4d, 0d, 0d, 0d], table.Rows.Select(r => r.Values[0]!.Value));
        Assert.Equal("Décédés", table.Rows[0].CategoryLabel);
        Assert.Equal([8d], Assert.Single((await ComputeAsync(Number)).Rows).Values);
        Assert.Equal([8d], Assert.Single(latest.Rows).Values);
    }

    [Fact]
    public async Task A_mayor_follows_only_the_victims_of_their_commune()
    {
        var chelles = await ComputeAsync(TimeSeries, MayorOfChelles, "commune:77108");

        Assert.Equal([3d, 3d, 4d], Hours(chelles, 9, 10, 11));
        Assert.Null(await _intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(MayorOfChelles,
            new IndicatorRequest(IndicatorCatalogue.VictimsOverTime, IndicatorTerritory.Of(Jurisdiction.Commune("35126")), Day, Day.AddDays(1),
                IndicatorStep.Hour, TimeSeries)));
    }

    [Fact]
    public async Task A_count_sent_at_the_end_of_an_hour_counts_from_the_next_and_a_late_older_count_changes_nothing()
    {
        // v5 Guichen opened 12:00: UA 2 sent at 13:00 sharp, then UA 6 sent at 12:30 arriving after it.
        await _intake.PushAsync(CreateCase("v5", insee: "35126", lat: 47.9657986, lon: -1.7901215, sentAt: At(12, 0)));
        await _intake.PushAsync(Situation("v5", "IPR", At(13, 0), red: 2));
        await _intake.PushAsync(Situation("v5", "IPR", At(12, 30), red: 6));
        await _intake.DrainAsync();

        var guichen = await ComputeAsync(TimeSeries, territory: "commune:35126");
        var communes = await ComputeAsync(CommuneMap);
        var departments = await ComputeAsync(DepartmentMap);

        // The 13:00 count is not yet known at 13:00 (end of the 12 h row), only from the next hour; the 12:30 one, older than
        // what v5 knew when it arrived, never was its count (the incident keeps the later sender's count).
        Assert.Equal([4d, 4d, 4d + 2, 4d + 2], Hours(guichen, 11, 12, 13, 23));
        Assert.Equal([("35126", 6d), ("77108", 4d)], communes.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Equal([("35", 6d), ("77", 4d)], departments.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
    }
}
