using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Jobs;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Indicators.IndicatorDataSet;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// The opening hours pre-aggregate over the day of <see cref="IndicatorDataSet"/>: what it holds once
/// refreshed, and that an answer stays the incidents' own while a change has not been refreshed yet.
/// (Every indicator test runs again on refreshed aggregates: <see cref="IndicatorQueriesOnAggregatesTests"/>.)
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class OpenedHourAggregateTests(GeographyFixture geography) : IAsyncLifetime
{
    private static readonly DateTimeOffset NineParis = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private readonly IntakeHarness _intake = new(geography.Geography, services => services.AddSingleton<IndicatorQueries>());

    public async Task InitializeAsync()
    {
        await _intake.InitializeAsync();
        await LoadAsync(_intake, geography.Geography);
    }

    public Task DisposeAsync() => _intake.DisposeAsync().AsTask();

    /// <summary>Runs the refresh job until no mark is left.</summary>
    internal static async Task RefreshAllAsync(IServiceProvider services)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();
        await new OpenedHourRefreshJob(dbFactory, new JobLock(new EnkiOptions()), services.GetRequiredService<FrenchGeography>()).RunAsync(CancellationToken.None);
        await using var db = await dbFactory.CreateDbContextAsync();
        Assert.Equal(0, await db.OpenedHourMarks.CountAsync());
    }

    [Fact]
    public async Task Each_hour_holds_its_real_openings_by_commune_and_family_with_their_victims()
    {
        await using (var db = await DbAsync())
        {
            Assert.NotEqual(0, await db.OpenedHourMarks.CountAsync()); // the intake marked its hours
        }
        await RefreshAllAsync(_intake.Services);

        await using var read = await DbAsync();
        var hours = await read.OpenedHours.ToListAsync();
        // A, B, D in 09:00–10:00 Paris; C at 10:15; F and G on their own hours; the exercise E nowhere.
        Assert.Equal(6, hours.Count);
        Assert.Equal(6, hours.Sum(h => h.Opened));
        var nine = hours.Where(h => h.Hour == NineParis).OrderBy(h => h.CommuneCode).ThenBy(h => h.NatureFamily)
            .Select(h => (h.CommuneCode, h.NatureFamily, h.Opened, h.Deceased, h.Red, h.Yellow, h.Green, h.Evacuated)).ToList();
        Assert.Equal([("35126", "C08", 1, 0, 0, 0, 0, 0), ("77108", "C01", 1, 1, 0, 0, 0, 0), ("77108", "C04", 1, 0, 1, 2, 3, 20)], nine);
        Assert.Equal(("77284", "77", "PARIS"), hours.Where(h => h.Hour == NineParis.AddHours(1)).Select(h => (h.CommuneCode, h.DepartmentCode, h.ZoneCode)).Single());
        // The national level: the same hour by family alone, Chelles' and Guichen's rows summed.
        var national = await read.OpenedNationalHours.ToListAsync();
        Assert.Equal(6, national.Sum(h => h.Opened));
        Assert.Equal([("C01", 1, 1, 0, 0), ("C04", 1, 0, 1, 20), ("C08", 1, 0, 0, 0)],
            national.Where(h => h.Hour == NineParis).OrderBy(h => h.NatureFamily).Select(h => (h.NatureFamily, h.Opened, h.Deceased, h.Red, h.Evacuated)));
        // The department level: UTC days. The 28th holds A, B, C, D and F (23:30 UTC); G (La Réunion, 22:00 UTC) the 27th.
        var days = await read.OpenedDepartmentDays.OrderBy(d => d.Day).ThenBy(d => d.DepartmentCode).ThenBy(d => d.NatureFamily)
            .Select(d => new { d.Day, d.DepartmentCode, d.ZoneCode, d.NatureFamily, d.Opened, d.Deceased, d.Red, d.Evacuated, d.Started, d.Ended, d.Closed }).ToListAsync();
        Assert.Equal(
            [
                (TheTwentySeventh, "974", "C04", 1, 0, 0, 0),
                (TheTwentyEighth, "35", "C08", 1, 0, 0, 0),
                (TheTwentyEighth, "77", "C01", 1, 1, 0, 0),
                (TheTwentyEighth, "77", "C04", 3, 0, 1, 20),
            ],
            days.Select(d => (d.Day, d.DepartmentCode, d.NatureFamily, d.Opened, d.Deceased, d.Red, d.Evacuated)));
        Assert.Equal("PARIS", days.Single(d => d.DepartmentCode == "77" && d.NatureFamily == "C04").ZoneCode);
        // Progress changes at 09:00–10:00 Paris: every opening starts; B (Chelles, C01) completed at 09:55 ends and is closed.
        Assert.Equal([("35126", "C08", 1, 0, 0), ("77108", "C01", 1, 1, 1), ("77108", "C04", 1, 0, 0)],
            hours.Where(h => h.Hour == NineParis).OrderBy(h => h.CommuneCode).ThenBy(h => h.NatureFamily)
                .Select(h => (h.CommuneCode, h.NatureFamily, h.Started, h.Ended, h.Closed)));
        Assert.Equal((1, 1, 1), national.Where(h => h.Hour == NineParis && h.NatureFamily == "C01").Select(h => (h.Started, h.Ended, h.Closed)).Single());
        Assert.Equal((4, 1, 1), days.Where(d => d.Day == TheTwentyEighth && d.DepartmentCode == "77").Aggregate((0, 0, 0),
            (sum, d) => (sum.Item1 + d.Started, sum.Item2 + d.Ended, sum.Item3 + d.Closed)));
    }

    [Fact]
    public async Task In_progress_and_closed_are_read_from_the_progress_changes_and_a_closing_not_yet_refreshed_counts_at_once()
    {
        await RefreshAllAsync(_intake.Services);
        Assert.Equal([4d], await NumberOfTheDayAsync(IndicatorCatalogue.IncidentsInProgress)); // at midnight: A, C, D, G
        Assert.Equal([1d], await NumberOfTheDayAsync(IndicatorCatalogue.ClosedIncidents)); // B

        // A is completed at 11:00 Paris: its hours (opening, status reports, this closing) are marked.
        await _intake.PushAsync(Situation("case.a", "COM", At(11, 0)));
        await _intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            Assert.Equal([NineParis, NineParis.AddHours(2)], await db.OpenedHourMarks.Select(m => m.Hour).Distinct().OrderBy(h => h).ToListAsync());
            Assert.False(await db.OpenedNationalHours.AnyAsync(h => h.Hour == NineParis.AddHours(2) && h.Closed > 0)); // the aggregate is behind…
        }
        Assert.Equal([3d], await NumberOfTheDayAsync(IndicatorCatalogue.IncidentsInProgress)); // …the answer is not
        Assert.Equal([2d], await NumberOfTheDayAsync(IndicatorCatalogue.ClosedIncidents));

        await RefreshAllAsync(_intake.Services);
        await using (var db = await DbAsync())
        {
            Assert.Equal((0, 1, 1), await db.OpenedNationalHours.Where(h => h.Hour == NineParis.AddHours(2) && h.NatureFamily == "C04")
                .Select(h => ValueTuple.Create(h.Started, h.Ended, h.Closed)).SingleAsync());
            // Rows only the national level holds, to see who reads them.
            await db.OpenedNationalHours.Where(h => h.Hour == NineParis.AddHours(2) && h.NatureFamily == "C04")
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Started, 7).SetProperty(h => h.Closed, 5));
        }
        Assert.Equal([10d], await NumberOfTheDayAsync(IndicatorCatalogue.IncidentsInProgress));
        Assert.Equal([6d], await NumberOfTheDayAsync(IndicatorCatalogue.ClosedIncidents));
        Assert.Equal([1d], Assert.Single((await ComputeAsync(IndicatorCatalogue.IncidentsInProgress, Day, Day.AddDays(1), "departement:77")).Rows).Values); // C
    }

    private async Task<IReadOnlyList<double?>> NumberOfTheDayAsync(IndicatorDefinition indicator) =>
        Assert.Single((await ComputeAsync(indicator, Day, Day.AddDays(1))).Rows).Values;

    [Fact]
    public async Task A_department_map_of_days_reads_whole_utc_days_from_the_department_level_until_one_of_their_hours_changes()
    {
        await RefreshAllAsync(_intake.Services);
        await using (var db = await DbAsync())
        {
            // A row only the department level holds, to see who reads it: Seine-et-Marne's fires of the 28th (A, C, F).
            await db.OpenedDepartmentDays.Where(d => d.Day == TheTwentyEighth && d.DepartmentCode == "77" && d.NatureFamily == "C04")
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Opened, 13));
        }
        // Paris days 27 → 30: the UTC days 27 and 28 whole; 23:00–24:00 on the 26th and the 29th until 23:00 from the hours.
        var (from, to) = (Day.AddDays(-1), Day.AddDays(2));

        Assert.Equal([("35", 1d), ("77", 14d), ("974", 1d)], await OpenedByDepartmentAsync(from, to));
        Assert.Equal([14d], Assert.Single((await ComputeAsync(IndicatorCatalogue.OpenedIncidents, from, to, "departement:77")).Rows).Values);
        Assert.Equal([3d], Assert.Single((await ComputeAsync(IndicatorCatalogue.OpenedIncidents, from, to, "commune:77108", MayorOfChelles)).Rows).Values);
        // The nation as a whole still reads its own level, an hour at a time.
        Assert.Equal([6d], Assert.Single((await ComputeAsync(IndicatorCatalogue.OpenedIncidents, from, to)).Rows).Values);

        // A's victims change: its hour is marked, so its whole day is read from the hours and the incidents.
        await _intake.PushAsync(Situation("case.a", "IPR", At(11, 0), red: 4));
        await _intake.DrainAsync();

        Assert.Equal([("35", 1d), ("77", 4d), ("974", 1d)], await OpenedByDepartmentAsync(from, to));
        await RefreshAllAsync(_intake.Services);
        Assert.Equal([("35", 1d), ("77", 4d), ("974", 1d)], await OpenedByDepartmentAsync(from, to));
    }

    [Fact]
    public async Task A_marked_hour_in_a_partial_day_leaves_that_days_other_hours_counted_once()
    {
        await RefreshAllAsync(_intake.Services);
        await using (var db = await DbAsync())
        {
            // A mark with nothing behind it, in the part of the 27th (UTC) the period holds, whose only opening is G (La Réunion, 22:00 UTC).
            db.OpenedHourMarks.Add(new OpenedHourMark { Hour = TheTwentySeventh.AddHours(15) });
            await db.SaveChangesAsync();
        }
        // From the 27th at noon UTC: the 28th whole from the days; the 27th's afternoon and the 29th's morning from the hours, but 15:00.
        var (from, to) = (TheTwentySeventh.AddHours(12), TheTwentyEighth.AddDays(1).AddHours(12));

        Assert.Equal([("35", 1d), ("77", 4d), ("974", 1d)], await OpenedByDepartmentAsync(from, to));
        Assert.Equal([1d], Assert.Single((await ComputeAsync(IndicatorCatalogue.OpenedIncidents, from, to, "departement:974")).Rows).Values);
    }

    private static readonly DateTimeOffset TheTwentySeventh = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset TheTwentyEighth = TheTwentySeventh.AddDays(1);

    private async Task<List<(string?, double?)>> OpenedByDepartmentAsync(DateTimeOffset from, DateTimeOffset to) =>
        (await ComputeAsync(IndicatorCatalogue.OpenedIncidents, from, to, representation: IndicatorRepresentation.DepartmentMap)).Rows
        .OrderBy(r => r.Area).Select(r => (r.Area, r.Values[0])).ToList();

    [Fact]
    public async Task A_change_not_yet_refreshed_is_read_from_the_incidents()
    {
        await RefreshAllAsync(_intake.Services);
        Assert.Equal([27d], await VictimsOfTheDayAsync());

        await _intake.PushAsync(Situation("case.c", "IPR", At(10, 50), red: 2));
        await _intake.DrainAsync();

        await using (var db = await DbAsync())
        {
            Assert.Equal(0, (await db.OpenedHours.SingleAsync(h => h.CommuneCode == "77284")).Red); // the aggregate is behind…
            Assert.Equal(0, (await db.OpenedNationalHours.SingleAsync(h => h.Hour == NineParis.AddHours(1))).Red);
            Assert.Equal([NineParis.AddHours(1)], await db.OpenedHourMarks.Select(m => m.Hour).Distinct().ToListAsync());
        }
        Assert.Equal([29d], await VictimsOfTheDayAsync()); // …the answer is not

        await RefreshAllAsync(_intake.Services);
        await using (var db = await DbAsync())
        {
            Assert.Equal(2, (await db.OpenedHours.SingleAsync(h => h.CommuneCode == "77284")).Red);
            Assert.Equal(2, (await db.OpenedNationalHours.SingleAsync(h => h.Hour == NineParis.AddHours(1))).Red);
        }
        Assert.Equal([29d], await VictimsOfTheDayAsync());
    }

    [Fact]
    public async Task The_nation_is_read_from_the_national_level_and_a_department_from_the_communes()
    {
        await RefreshAllAsync(_intake.Services);
        await using (var db = await DbAsync())
        {
            // A row only the national level holds, to see who reads it.
            await db.OpenedNationalHours.Where(h => h.Hour == NineParis && h.NatureFamily == "C04").ExecuteUpdateAsync(s => s.SetProperty(h => h.Opened, 11));
        }

        Assert.Equal([14d], Assert.Single((await ComputeAsync(IndicatorCatalogue.OpenedIncidents, Day, Day.AddDays(1))).Rows).Values);
        Assert.Equal([3d], Assert.Single((await ComputeAsync(IndicatorCatalogue.OpenedIncidents, Day, Day.AddDays(1), "departement:77")).Rows).Values);
    }

    [Fact]
    public async Task The_partial_hours_at_both_ends_of_a_period_come_from_the_incidents()
    {
        await RefreshAllAsync(_intake.Services);

        // 09:20 → 10:20 Paris: B (09:30), D (09:45), C (10:15); not A (09:00), not the exercise (09:20).
        var result = await ComputeAsync(IndicatorCatalogue.OpenedIncidents, At(9, 20), At(10, 20));

        Assert.Equal([3d], Assert.Single(result.Rows).Values);
    }

    [Fact]
    public async Task A_store_filled_before_the_aggregate_existed_is_marked_whole_and_refreshed()
    {
        await using (var db = await DbAsync())
        {
            // As just after the migration that created the tables: incidents, no aggregate, the « every hour » mark only.
            await db.OpenedHourMarks.ExecuteDeleteAsync();
            db.OpenedHourMarks.Add(new OpenedHourMark { Id = OpenedHourMark.Everything.Id, Hour = OpenedHourMark.Everything.Hour });
            await db.SaveChangesAsync();
        }
        Assert.Equal([27d], await VictimsOfTheDayAsync()); // an empty aggregate is not trusted…

        await RefreshAllAsync(_intake.Services);

        await using var read = await DbAsync();
        Assert.Equal(6, await read.OpenedHours.SumAsync(h => h.Opened));
        Assert.Equal([27d], await VictimsOfTheDayAsync());
    }

    [Fact]
    public async Task A_store_filled_before_the_aggregate_existed_keeps_a_closing_in_an_hour_without_openings()
    {
        // A is completed at 11:00 Paris, an hour in which nothing was opened.
        await _intake.PushAsync(Situation("case.a", "COM", At(11, 0)));
        await _intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            await db.OpenedHourMarks.ExecuteDeleteAsync();
            db.OpenedHourMarks.Add(new OpenedHourMark { Id = OpenedHourMark.Everything.Id, Hour = OpenedHourMark.Everything.Hour });
            await db.SaveChangesAsync();
        }

        await RefreshAllAsync(_intake.Services);

        await using (var read = await DbAsync())
        {
            Assert.Equal(1, await read.OpenedHours.Where(h => h.Hour == NineParis.AddHours(2)).SumAsync(h => h.Closed));
        }
        Assert.Equal([2d], await NumberOfTheDayAsync(IndicatorCatalogue.ClosedIncidents)); // B and A
        Assert.Equal([3d], await NumberOfTheDayAsync(IndicatorCatalogue.IncidentsInProgress)); // C, D, G
    }

    private async Task<IReadOnlyList<double?>> VictimsOfTheDayAsync() =>
        Assert.Single((await ComputeAsync(IndicatorCatalogue.Victims, Day, Day.AddDays(1))).Rows).Values;

    private async Task<IndicatorResult> ComputeAsync(IndicatorDefinition indicator, DateTimeOffset from, DateTimeOffset to, string territory = "national",
        Viewer? viewer = null, IndicatorRepresentation representation = IndicatorRepresentation.Number)
    {
        Assert.True(IndicatorTerritory.TryParse(territory, out var scope));
        var request = new IndicatorRequest(indicator, scope, from, to, IndicatorStep.Hour, representation, null);
        return (await _intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer ?? National, request))!;
    }

    private Task<EnkiDbContext> DbAsync() => _intake.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
}
