using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.History.Backfill;
using Enki.Tests.Geography;
using Enki.Tests.History;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Domain.Indicators.IndicatorRepresentation;
using static Enki.Tests.Indicators.IndicatorDataSet;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// The pre-aggregate of « victimes connues » (<see cref="VictimChange"/>) over the day of <see cref="IndicatorDataSet"/>: A (Chelles,
/// opened 09:00) reports UA 1, UR 2, impliqués 3, évacués 20 at 09:10; B (Chelles, 09:30) décédé 1 at 09:55. What it holds once refreshed,
/// that every view reads the same from it as from the events, that readers take its rows (a mayor only their commune's), and that the
/// changes the rows rest on (a new count, a place, a report rebuilt from the inbox) count at once, through the opening hour's mark.
/// </summary>
/// <remarks>Run again on PostgreSQL (<c>VictimChangeAggregateOnPostgresTests</c>).</remarks>
[Collection(GeographyCollection.Name)]
public class VictimChangeAggregateTests : RefreshedIndicatorDay
{
    private static readonly DateTimeOffset NineParis = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public VictimChangeAggregateTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    protected VictimChangeAggregateTests(GeographyFixture geography, TestEngine engine) : base(geography, engine) { }

    [Fact]
    public async Task Each_opening_hour_holds_its_reports_changes_and_every_view_reads_as_from_the_events()
    {
        // A's count replaced at 11:20 (UA 3, décédé 1), then a late count sent at 10:00, older than what A knew when it came.
        await Intake.PushAsync(Situation("case.a", "IPR", At(11, 20), red: 3, black: 1));
        await Intake.PushAsync(Situation("case.a", "IPR", At(10, 0), red: 9));
        await Intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            Assert.Contains(NineParis, await db.OpenedHourMarks.Select(m => m.Hour).ToListAsync()); // A's opening hour: read from the events
        }
        var fromEvents = await ViewsAsync();
        // Known at the end of each hour: 09:00 → A 26 + B 1; 10:00 → the same (the 10:00 count never was A's); 11:00 → A 4 + B 1.
        var series = (await ComputeAsync(TimeSeries))!;
        Assert.Equal([0d, 27d, 27d, 5d, 5d], new[] { 8, 9, 10, 11, 23 }.Select(h => series.Rows.Single(r => r.At == At(h, 0)).Values[0]!.Value));
        Assert.Equal([2d, 3d, 0d, 0d, 0d, 0d, 0d], (await ComputeAsync(Table))!.Rows.Select(r => r.Values[0]!.Value));
        Assert.Equal([1d], Assert.Single((await ComputeAsync(Number, from: At(9, 30), to: At(23, 15)))!.Rows).Values); // B alone: A opened before 09:30

        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            var rows = (await db.VictimChanges.AsNoTracking().ToListAsync()).OrderBy(r => r.At).ToList();
            Assert.All(rows, r => Assert.Equal((NineParis, "77108", "77", "PARIS"), (r.Hour, r.CommuneCode, r.DepartmentCode, r.ZoneCode)));
            Assert.Equal([At(9, 0), At(9, 0), At(11, 0)], rows.Select(r => r.ReportHour));
            Assert.Equal(
                [
                    (At(9, 10), [0, 1, 2, 3, 0, 20, 0]),
                    (At(9, 55), [1, 0, 0, 0, 0, 0, 0]),
                    (At(11, 20), [1, 2, -2, -3, 0, -20, 0]),
                ],
                rows.Select(r => (r.At, r.ByCategory())));
        }
        Assert.Equal(fromEvents, await ViewsAsync());

        // The whole period from the events again, as before the first build.
        await using (var db = await DbAsync())
        {
            db.OpenedHourMarks.Add(new OpenedHourMark { Id = OpenedHourMark.VictimsEverything.Id, Hour = OpenedHourMark.VictimsEverything.Hour });
            await db.SaveChangesAsync();
        }
        Assert.Equal(fromEvents, await ViewsAsync());
    }

    [Fact]
    public async Task A_series_sums_the_rows_by_report_hour_and_a_report_on_the_hour_counts_from_the_next_one()
    {
        // B's count revised at 12:00 sharp (décédés 3), and A's at 12:59 (UA 1 only): both known at 13:00, neither at 12:00.
        await Intake.PushAsync(Situation("case.b", "IPR", At(12, 0), black: 3));
        await Intake.PushAsync(Situation("case.a", "IPR", At(12, 59), red: 1));
        await Intake.DrainAsync();
        var fromEvents = await ViewsAsync();
        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            Assert.Equal(2, await db.VictimChanges.CountAsync(r => r.ReportHour == At(12, 0).ToUniversalTime()));
        }
        // Labelled by the hour's start, known at its end: 27 from 10:00 to 12:00, then A 1 + B 3.
        var series = (await ComputeAsync(TimeSeries))!;
        Assert.Equal([27d, 27d, 4d, 4d], new[] { 10, 11, 12, 13 }.Select(h => series.Rows.Single(r => r.At == At(h, 0)).Values[0]!.Value));
        var byDay = (await ComputeAsync(TimeSeries, step: IndicatorStep.Day, from: Day.AddDays(-1), to: Day.AddDays(2)))!;
        Assert.Equal([0d, 4d, 4d], byDay.Rows.Select(r => r.Values[0]!.Value));
        Assert.Equal(fromEvents, await ViewsAsync());
    }

    [Fact]
    public async Task Readers_take_the_rows_and_a_mayor_only_those_of_their_commune()
    {
        await using (var db = await DbAsync())
        {
            // Rows only the aggregate holds, to see who reads them: B's décédé counted 5 times, 7 impliqués in Guichen.
            // In UTC, as stored: SQLite compares the stored form, offset included.
            var reportOfB = At(9, 55).ToUniversalTime();
            await db.VictimChanges.Where(r => r.At == reportOfB).ExecuteUpdateAsync(s => s.SetProperty(r => r.Deceased, 5));
            var guichen = await db.OpenedHours.Where(h => h.CommuneCode == "35126").Select(h => new { h.DepartmentCode, h.ZoneCode }).FirstAsync();
            db.VictimChanges.Add(VictimChange.Of(NineParis, "35126", guichen.DepartmentCode, guichen.ZoneCode, At(9, 50).ToUniversalTime(), [0, 0, 0, 7, 0, 0, 0]));
            await db.SaveChangesAsync();
        }
        Assert.Equal([26d + 5 + 7], await NumberAsync("national"));
        Assert.Equal([26d + 5], await NumberAsync("departement:77"));
        Assert.Equal([26d + 5], await NumberAsync("commune:77108", MayorOfChelles));
        Assert.Equal([7d], await NumberAsync("commune:35126", MayorOfGuichen));
        Assert.Null(await ComputeAsync(Number, "commune:35126", MayorOfChelles));
        var mayorsMap = await ComputeAsync(CommuneMap, "commune:77108", MayorOfChelles);
        Assert.Equal([("77108", 31d)], mayorsMap!.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        var departments = await ComputeAsync(DepartmentMap);
        Assert.Equal([("35", 7d), ("77", 31d)], departments!.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        var mayorsSeries = await ComputeAsync(TimeSeries, "commune:35126", MayorOfGuichen);
        Assert.Equal([0d, 7d], new[] { 8, 9 }.Select(h => mayorsSeries!.Rows.Single(r => r.At == At(h, 0)).Values[0]!.Value));
    }

    [Fact]
    public async Task A_case_placed_in_another_commune_takes_its_victims_with_it_at_once_and_after_the_refresh()
    {
        // A (Chelles, 26 victims) is placed again by its sender, in Guichen.
        await Intake.PushAsync(CreateCase("case.a", insee: "35126", lat: 47.9657986, lon: -1.7901215, sentAt: At(12, 0), nature: "C04.02.01"));
        await Intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            Assert.Contains(NineParis, await db.OpenedHourMarks.Select(m => m.Hour).ToListAsync());
        }
        await AssertMovedAsync();

        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            Assert.Equal(["35126", "77108"], (await db.VictimChanges.Select(r => r.CommuneCode).ToListAsync()).Order());
        }
        await AssertMovedAsync();

        async Task AssertMovedAsync()
        {
            Assert.Equal([26d], await NumberAsync("commune:35126", MayorOfGuichen));
            Assert.Equal([1d], await NumberAsync("commune:77108", MayorOfChelles));
            Assert.Equal([1d], await NumberAsync("departement:77"));
            Assert.Equal([27d], await NumberAsync("national"));
        }
    }

    [Fact]
    public async Task A_history_rebuilt_from_the_inbox_marks_its_hours_and_counts_at_once_and_after_the_refresh()
    {
        // The late triage (UA 2 at Chelles, 09:10, received 09:30) and Chelles completed at 11:00, on a base from before the stream:
        // its events gone, the pre-aggregates built without them.
        await using var intake = new IntakeHarness(Geography.Geography, services => services.AddSingleton<IndicatorQueries>(), engine: Engine);
        await LateTriage.SeedAsync(intake, "AVANT-FLUX-CHELLES", "AVANT-FLUX-GUICHEN");
        intake.Clock.Advance(TimeSpan.FromHours(2));
        await intake.PushAsync(Situation("AVANT-FLUX-CHELLES", "COM", T0.AddHours(2), red: 2)); // the same count: no change
        await intake.DrainAsync();
        await intake.QueryAsync(db => db.Events.Where(e => e.Type.StartsWith("incident.")).ExecuteDeleteAsync());
        await OpenedHourAggregateTests.RefreshAllAsync(intake.Services);
        Assert.Equal(0, await intake.QueryAsync(db => db.VictimChanges.CountAsync()));
        Assert.Equal([0d], await KnownAsync());
        Assert.Equal([0d], await ClosedAsync());

        Assert.Equal(2, await intake.Services.GetRequiredService<IHistoryBackfill>().RunAsync());
        var marks = await intake.QueryAsync(db => db.OpenedHourMarks.Select(m => m.Hour).ToListAsync());
        Assert.Contains(OpenedHour.HourOf(T0), marks); // the opening hour, whose rows the victims report changes
        Assert.Contains(OpenedHour.HourOf(T0.AddHours(2)), marks); // the closing's
        Assert.Equal([2d], await KnownAsync());
        Assert.Equal([1d], await ClosedAsync());

        await OpenedHourAggregateTests.RefreshAllAsync(intake.Services);
        var row = await intake.QueryAsync(db => db.VictimChanges.SingleAsync());
        Assert.Equal((OpenedHour.HourOf(T0), T0.AddMinutes(10), 2), (row.Hour, row.At, row.Red));
        Assert.Equal([2d], await KnownAsync());
        Assert.Equal([1d], await ClosedAsync());

        Task<IReadOnlyList<double?>> KnownAsync() => NationalNumberAsync(IndicatorCatalogue.VictimsOverTime);

        Task<IReadOnlyList<double?>> ClosedAsync() => NationalNumberAsync(IndicatorCatalogue.ClosedIncidents);

        async Task<IReadOnlyList<double?>> NationalNumberAsync(IndicatorDefinition indicator)
        {
            Assert.True(IndicatorTerritory.TryParse("national", out var nation));
            return Assert.Single((await intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(National,
                new IndicatorRequest(indicator, nation, Day, Day.AddDays(1), IndicatorStep.Hour, Number)))!.Rows).Values;
        }
    }

    /// <summary>Every representation, by hour and by day, for the nation, a department and a mayor, and over partial hours: as text to compare.</summary>
    private async Task<List<string>> ViewsAsync()
    {
        var views = new List<IndicatorResult?>();
        foreach (var representation in (IndicatorRepresentation[])[Number, TimeSeries, CommuneMap, DepartmentMap, Table])
        {
            views.Add(await ComputeAsync(representation));
            views.Add(await ComputeAsync(representation, "departement:77"));
            views.Add(await ComputeAsync(representation, step: IndicatorStep.Day, from: Day.AddDays(-1), to: Day.AddDays(2)));
            views.Add(await ComputeAsync(representation, from: At(9, 30), to: At(23, 15)));
        }
        views.Add(await ComputeAsync(TimeSeries, "commune:77108", MayorOfChelles));
        views.Add(await ComputeAsync(Number, "commune:35126", MayorOfGuichen));
        return [.. views.Select(v => string.Join("; ", v!.Rows.Select(r => $"{r.At:O} {r.Area} {r.Category} {string.Join(",", r.Values)}")))];
    }

    private async Task<IReadOnlyList<double?>> NumberAsync(string territory, Domain.Access.Viewer? viewer = null) =>
        Assert.Single((await ComputeAsync(Number, territory, viewer))!.Rows).Values;

    private Task<IndicatorResult?> ComputeAsync(IndicatorRepresentation representation, string territory = "national", Domain.Access.Viewer? viewer = null,
        IndicatorStep step = IndicatorStep.Hour, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        Assert.True(IndicatorTerritory.TryParse(territory, out var scope));
        var request = new IndicatorRequest(IndicatorCatalogue.VictimsOverTime, scope, from ?? Day, to ?? Day.AddDays(1), step, representation, null);
        return Intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer ?? National, request);
    }
}
