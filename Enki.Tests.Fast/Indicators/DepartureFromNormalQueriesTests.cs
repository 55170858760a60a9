using Enki.Domain.Access;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// « Écart à la normale » on hand-made weeks in Guichen. The hour is Sunday 1 November 2026, 14:00-15:00
/// Paris (winter time); its baseline is 14:00-15:00 local on 25 October (winter time, the day the clocks
/// went back) and 18, 11, 4 October (summer time): one case in each, so the mean is 1 and the Poisson
/// 99th percentile 4. Five cases in the hour are flagged. Decoys sit at 15:30 summer time, the hour a
/// baseline taken seven UTC days back would read: with them the mean would be 1.75, the threshold 5, and
/// five cases would not be flagged.
/// </summary>
/// <remarks>Run again on PostgreSQL (<c>DepartureFromNormalOnPostgresTests</c>).</remarks>
[Collection(GeographyCollection.Name)]
public class DepartureFromNormalQueriesTests : IAsyncLifetime
{
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Hour = new(2026, 11, 1, 14, 0, 0, Winter);
    private static readonly Viewer Mayor = new("maire-guichen", "Maire de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"));

    private readonly IntakeHarness _intake;
    private int _cases;

    public DepartureFromNormalQueriesTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    protected DepartureFromNormalQueriesTests(GeographyFixture geography, TestEngine engine) =>
        _intake = new(geography.Geography, services => services.AddSingleton<IndicatorQueries>(), engine: engine);

    public async Task InitializeAsync()
    {
        await _intake.InitializeAsync();
        await CaseAsync(new(2026, 10, 25, 14, 20, 0, Winter));
        foreach (var day in new[] { 18, 11, 4 })
        {
            await CaseAsync(new(2026, 10, day, 14, 20, 0, Summer));
            await CaseAsync(new(2026, 10, day, 15, 30, 0, Summer));
            await CaseAsync(new(2026, 10, day, 15, 40, 0, Summer));
        }
        foreach (var minute in new[] { 5, 15, 25, 35, 45 })
        {
            await CaseAsync(Hour.AddMinutes(minute));
        }
        await CaseAsync(Hour.AddHours(-1).AddMinutes(30)); // 13:30: the hour before, ordinary
        await _intake.DrainAsync();
    }

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    private Task CaseAsync(DateTimeOffset at) =>
        _intake.PushAsync(CreateCase($"case.guichen.{++_cases}", insee: "35126", lat: 47.9657986, lon: -1.7901215, sentAt: at, nature: "C08.01.00"));

    private async Task<IndicatorResult> ComputeAsync(IndicatorRepresentation representation, DateTimeOffset from, string territory = "commune:35126",
        Viewer? viewer = null, string? category = null)
    {
        Assert.True(IndicatorTerritory.TryParse(territory, out var parsed));
        var request = new IndicatorRequest(IndicatorCatalogue.DepartureFromNormal, parsed, from, Hour.AddHours(1), IndicatorStep.Hour, representation, category);
        return (await _intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer ?? Mayor, request))!;
    }

    private async Task<IReadOnlyList<double?>> FigureAsync(string territory = "commune:35126", Viewer? viewer = null, string? category = null) =>
        Assert.Single((await ComputeAsync(IndicatorRepresentation.Number, Hour, territory, viewer, category)).Rows).Values;

    [Fact]
    public async Task Five_cases_against_a_baseline_of_one_a_week_at_the_same_local_hour_are_flagged()
    {
        var figure = Assert.Single((await ComputeAsync(IndicatorRepresentation.Number, Hour)).Rows);

        Assert.Equal([5d, 1d, 4d, 1d], figure.Values); // observed, baseline mean, threshold, flagged
    }

    [Fact]
    public async Task The_series_gives_each_hour_its_own_baseline()
    {
        var rows = (await ComputeAsync(IndicatorRepresentation.TimeSeries, Hour.AddHours(-2))).Rows;

        Assert.Equal(
            [(Hour.AddHours(-2), 0d, 0d, 0d, 0d), (Hour.AddHours(-1), 1d, 0d, 0d, 1d), (Hour, 5d, 1d, 4d, 1d)],
            rows.Select(r => (r.At!.Value, r.Values[0]!.Value, r.Values[1]!.Value, r.Values[2]!.Value, r.Values[3]!.Value)));
    }

    [Fact]
    public async Task Refreshed_hours_are_read_from_the_pre_aggregate_and_a_marked_hour_from_the_incidents()
    {
        await OpenedHourAggregateTests.RefreshAllAsync(_intake.Services);
        Assert.Equal([5d, 1d, 4d, 1d], await FigureAsync());
        Assert.Equal([5d, 1d, 4d, 1d], await FigureAsync("national", IndicatorDataSet.National));

        // Rows only the pre-aggregate holds, to see who reads them: three openings, not one, on 25 October 14:00 local
        // (13:00 UTC), for the commune and for the nation. The nation reads its level: the mean becomes 1.5 and the threshold 5,
        // five are not flagged. A commune reads its incidents (cheaper than its hours' rows, about one an incident).
        var october25 = new DateTimeOffset(2026, 10, 25, 13, 0, 0, TimeSpan.Zero);
        await using (var db = await DbAsync())
        {
            Assert.Equal(1, await db.OpenedHours.Where(h => h.Hour == october25 && h.CommuneCode == "35126")
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Opened, 3)));
            Assert.Equal(1, await db.OpenedNationalHours.Where(h => h.Hour == october25).ExecuteUpdateAsync(s => s.SetProperty(h => h.Opened, 3)));
        }
        Assert.Equal([5d, 1d, 4d, 1d], await FigureAsync());
        Assert.Equal([5d, 1.5d, 5d, 0d], await FigureAsync("national", IndicatorDataSet.National));

        // A sixth case in the hour marks it: the aggregate is behind (five), the answer is not.
        await CaseAsync(Hour.AddMinutes(50));
        await _intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            Assert.Equal([Hour.ToUniversalTime()], await db.OpenedHourMarks.Select(m => m.Hour).Distinct().ToListAsync());
            Assert.Equal(5, await db.OpenedNationalHours.Where(h => h.Hour == Hour.ToUniversalTime()).SumAsync(h => h.Opened));
        }
        Assert.Equal([6d, 1d, 4d, 1d], await FigureAsync());
        Assert.Equal([6d, 1.5d, 5d, 1d], await FigureAsync("national", IndicatorDataSet.National));
        Assert.Equal([6d, 1.5d, 5d, 1d], await FigureAsync("national", IndicatorDataSet.National, category: "C08"));
        Assert.Equal([0d, 0d, 0d, 0d], await FigureAsync("national", IndicatorDataSet.National, category: "C04"));
        var rows = (await ComputeAsync(IndicatorRepresentation.TimeSeries, Hour.AddHours(-2), "national", IndicatorDataSet.National)).Rows;
        Assert.Equal(
            [(Hour.AddHours(-2), 0d, 0d, 0d, 0d), (Hour.AddHours(-1), 1d, 0d, 0d, 1d), (Hour, 6d, 1.5d, 5d, 1d)],
            rows.Select(r => (r.At!.Value, r.Values[0]!.Value, r.Values[1]!.Value, r.Values[2]!.Value, r.Values[3]!.Value)));

        await OpenedHourAggregateTests.RefreshAllAsync(_intake.Services);
        Assert.Equal([6d, 1.5d, 5d, 1d], await FigureAsync("national", IndicatorDataSet.National));
    }

    private Task<EnkiDbContext> DbAsync() => _intake.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
}
