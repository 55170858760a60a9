using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
using Enki.Tests.Geography;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Indicators.IndicatorDataSet;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// The resource pre-aggregate over the day of <see cref="IndicatorDataSet"/>: what it holds once refreshed, that readers take its rows
/// (and only their own commune's for a mayor), and that resource statuses arriving later (an earlier first status, a release, a
/// re-engagement) count at once, through the marks of the hours they leave and enter, and after the refresh.
/// </summary>
/// <remarks>Run again on PostgreSQL (<c>ResourceHourAggregateOnPostgresTests</c>).</remarks>
[Collection(GeographyCollection.Name)]
public class ResourceHourAggregateTests : RefreshedIndicatorDay
{
    private static readonly DateTimeOffset NineParis = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public ResourceHourAggregateTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    protected ResourceHourAggregateTests(GeographyFixture geography, TestEngine engine) : base(geography, engine) { }

    [Fact]
    public async Task Each_hour_holds_its_first_statuses_and_releases_by_place_kind_and_exact_duration_and_readers_take_them()
    {
        await using (var db = await DbAsync())
        {
            var rows = await db.ResourceHours.OrderBy(h => h.Hour).ThenBy(h => h.CommuneCode).ThenBy(h => h.Released)
                .Select(h => new { h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode, h.Kind, h.Released, h.DurationTicks, h.Resources }).ToListAsync();
            // FPT1 (09:02) and VSAV1 (09:35) engaged in Chelles at 09:00 Paris, FPT2 (10:20) in Meaux at 10:00; FPT1 released
            // at 10:02 after 60 min, VSAV1 at 11:05 after 90.
            Assert.Equal(
                [
                    (NineParis, "77108", false, 0L, 2),
                    (NineParis.AddHours(1), "77108", true, Minutes(60), 1),
                    (NineParis.AddHours(1), "77284", false, 0L, 1),
                    (NineParis.AddHours(2), "77108", true, Minutes(90), 1),
                ],
                rows.Select(h => (h.Hour, h.CommuneCode, h.Released, h.DurationTicks, h.Resources)));
            Assert.All(rows, h => Assert.Equal(("77", "PARIS", "SIS"), (h.DepartmentCode, h.ZoneCode, h.Kind)));
            // The national level: the same hours with no place (one commune an hour here, so the same counts).
            Assert.Equal(
                [
                    (NineParis, "SIS", false, 0L, 2),
                    (NineParis.AddHours(1), "SIS", false, 0L, 1),
                    (NineParis.AddHours(1), "SIS", true, Minutes(60), 1),
                    (NineParis.AddHours(2), "SIS", true, Minutes(90), 1),
                ],
                (await db.ResourceNationalHours.ToListAsync()).Select(h => (h.Hour, h.Kind, h.Released, h.DurationTicks, h.Resources)).Order());
            // Rows only the aggregate holds, to see who reads them: five engaged in Chelles at 09:00 (seven in the national level),
            // FPT1's release three times.
            await db.ResourceHours.Where(h => h.CommuneCode == "77108" && !h.Released).ExecuteUpdateAsync(s => s.SetProperty(h => h.Resources, 5));
            await db.ResourceHours.Where(h => h.DurationTicks == Minutes(60)).ExecuteUpdateAsync(s => s.SetProperty(h => h.Resources, 3));
            await db.ResourceNationalHours.Where(h => h.Hour == NineParis && !h.Released).ExecuteUpdateAsync(s => s.SetProperty(h => h.Resources, 7));
            await db.ResourceNationalHours.Where(h => h.DurationTicks == Minutes(60)).ExecuteUpdateAsync(s => s.SetProperty(h => h.Resources, 3));
        }
        Assert.Equal([8d], await NumberAsync(IndicatorCatalogue.EngagedResources)); // the national level
        Assert.Equal([6d], await NumberAsync(IndicatorCatalogue.EngagedResources, "departement:77"));
        // A national map keeps the departments apart: the rows by commune.
        var departments = await ComputeAsync(IndicatorCatalogue.EngagedResources, IndicatorRepresentation.DepartmentMap, "national");
        Assert.Equal([("77", 6d)], departments!.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Equal([5d], await NumberAsync(IndicatorCatalogue.EngagedResources, "commune:77108", MayorOfChelles));
        Assert.Equal([0d], await NumberAsync(IndicatorCatalogue.EngagedResources, "commune:35126", MayorOfGuichen));
        // 60, 60, 60, 90: median rank 2, P90 rank 4.
        Assert.Equal([60d, 90d, 4d], await NumberAsync(IndicatorCatalogue.EngagementDuration));
        Assert.Equal([60d, 90d, 4d], await NumberAsync(IndicatorCatalogue.EngagementDuration, "commune:77108", MayorOfChelles));
        var mayorsMap = await ComputeAsync(IndicatorCatalogue.EngagedResources, IndicatorRepresentation.CommuneMap, "commune:77108", MayorOfChelles);
        Assert.Equal([("77108", 5d)], mayorsMap!.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Null(await ComputeAsync(IndicatorCatalogue.EngagedResources, IndicatorRepresentation.Number, "commune:77284", MayorOfChelles));
    }

    [Fact]
    public async Task A_view_of_whole_utc_days_without_hours_or_communes_reads_the_department_level_but_its_marked_days()
    {
        var theTwentyEighth = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
        await using (var db = await DbAsync())
        {
            // The 28th (UTC): three engaged in department 77 (two in Chelles at 08:00, one in Meaux at 09:00), released after 60 and 90 min.
            Assert.Equal(
                [
                    (theTwentyEighth, "77", "PARIS", "SIS", false, 0L, 3),
                    (theTwentyEighth, "77", "PARIS", "SIS", true, Minutes(60), 1),
                    (theTwentyEighth, "77", "PARIS", "SIS", true, Minutes(90), 1),
                ],
                (await db.ResourceDepartmentDays.ToListAsync())
                    .Select(d => (d.Day, d.DepartmentCode, d.ZoneCode, d.Kind, d.Released, d.DurationTicks, d.Resources)).Order());
            // A row only the department level holds, to see who reads it.
            await db.ResourceDepartmentDays.Where(d => !d.Released).ExecuteUpdateAsync(s => s.SetProperty(d => d.Resources, 13));
        }
        // Paris days 27 → 30: the UTC days 27 and 28 whole, the rest from the hours.
        var (from, to) = (Day.AddDays(-1), Day.AddDays(2));
        Assert.Equal([("77", 13d)], await EngagedByDepartmentAsync(from, to));
        Assert.Equal([13d], await NumberAsync(IndicatorCatalogue.EngagedResources, from, to, "departement:77"));
        Assert.Equal([3d], await NumberAsync(IndicatorCatalogue.EngagedResources, from, to)); // the nation whole: its own level, by hour
        Assert.Equal([2d], await NumberAsync(IndicatorCatalogue.EngagedResources, from, to, "commune:77108", MayorOfChelles)); // a commune: its rows

        await using (var db = await DbAsync())
        {
            // A mark on the 28th at 20:00 UTC, with nothing behind it: that day comes from the hours again.
            db.OpenedHourMarks.Add(new Infrastructure.Indicators.Aggregates.OpenedHourMark { Hour = theTwentyEighth.AddHours(20) });
            await db.SaveChangesAsync();
        }
        Assert.Equal([("77", 3d)], await EngagedByDepartmentAsync(from, to));
        Assert.Equal([3d], await NumberAsync(IndicatorCatalogue.EngagedResources, from, to, "departement:77"));
        // From the 28th at 06:00 UTC: that day is partial (from the hours, but the marked one), the 29th whole; counted once.
        var (partial, end) = (theTwentyEighth.AddHours(6), theTwentyEighth.AddDays(2));
        Assert.Equal([("77", 3d)], await EngagedByDepartmentAsync(partial, end));
        Assert.Equal([3d], await NumberAsync(IndicatorCatalogue.EngagedResources, partial, end, "departement:77"));
    }

    private async Task<List<(string?, double)>> EngagedByDepartmentAsync(DateTimeOffset from, DateTimeOffset to) =>
        [.. (await ComputeAsync(IndicatorCatalogue.EngagedResources, IndicatorRepresentation.DepartmentMap, "national", from: from, to: to))!.Rows
            .Select(r => (r.Area, r.Values[0]!.Value))];

    [Fact]
    public async Task The_one_pass_build_and_the_refresh_of_each_hour_write_the_same_rows()
    {
        await using var db = await DbAsync();
        var built = await RowsAsync(db); // the first build, one pass over the incidents
        Assert.NotEmpty(built);
        db.OpenedHourMarks.AddRange(Enumerable.Range(-24, 72).Select(h => new Infrastructure.Indicators.Aggregates.OpenedHourMark { Hour = NineParis.AddHours(h) }));
        await db.SaveChangesAsync();
        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        Assert.Equal(built, await RowsAsync(db));
    }

    [Fact]
    public async Task A_late_earlier_status_moves_a_first_status_to_its_hour_at_once_and_after_the_refresh()
    {
        // FPT2 (Meaux) had its first status at 10:20; a message sent later says it was triggered at 09:50, before C's opening (10:15).
        await Intake.PushAsync(Resource("case.c", "res.FPT2", "DECLENCHE", At(9, 50), sentAt: At(12, 0)));
        await Intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            var marks = await db.OpenedHourMarks.Select(m => m.Hour).ToListAsync();
            Assert.Contains(NineParis, marks); // the hour it enters (C opened at 10:15: no other reason to mark 09:00)…
            Assert.Contains(NineParis.AddHours(1), marks); // …and the hour it leaves
            Assert.True(await db.ResourceHours.AnyAsync(h => h.CommuneCode == "77284" && h.Hour == NineParis.AddHours(1))); // the aggregate is behind
        }
        await AssertEngagedByHourAsync(nine: 3, ten: 0);

        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            var meaux = await db.ResourceHours.Where(h => h.CommuneCode == "77284").Select(h => new { h.Hour, h.Released, h.Resources }).SingleAsync();
            Assert.Equal((NineParis, false, 1), (meaux.Hour, meaux.Released, meaux.Resources));
        }
        await AssertEngagedByHourAsync(nine: 3, ten: 0);
    }

    [Fact]
    public async Task A_release_arriving_later_counts_at_once_and_after_the_refresh_and_a_re_engagement_takes_it_back()
    {
        Assert.Equal([60d, 90d, 2d], await NumberAsync(IndicatorCatalogue.EngagementDuration));

        // FPT2 (engaged 10:20) back at base at 11:20: 60 minutes. 60, 60, 90: median rank 2, P90 rank 3.
        await Intake.PushAsync(Resource("case.c", "res.FPT2", "RET-BASE", At(11, 20)));
        await Intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            Assert.Contains(NineParis.AddHours(2), await db.OpenedHourMarks.Select(m => m.Hour).ToListAsync());
            Assert.False(await db.ResourceHours.AnyAsync(h => h.CommuneCode == "77284" && h.Released));
        }
        Assert.Equal([60d, 90d, 3d], await NumberAsync(IndicatorCatalogue.EngagementDuration));
        Assert.Equal([60d, 90d, 2d], await ElevenParisAsync());

        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            var release = await db.ResourceHours.SingleAsync(h => h.CommuneCode == "77284" && h.Released);
            Assert.Equal((NineParis.AddHours(2), Minutes(60), 1), (release.Hour, release.DurationTicks, release.Resources));
        }
        Assert.Equal([60d, 90d, 3d], await NumberAsync(IndicatorCatalogue.EngagementDuration));

        // Triggered again at 11:40: no longer released, its release leaves 11:00.
        await Intake.PushAsync(Resource("case.c", "res.FPT2", "DECLENCHE", At(11, 40)));
        await Intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            Assert.Contains(NineParis.AddHours(2), await db.OpenedHourMarks.Select(m => m.Hour).ToListAsync());
        }
        Assert.Equal([60d, 90d, 2d], await NumberAsync(IndicatorCatalogue.EngagementDuration));
        Assert.Equal([90d, 90d, 1d], await ElevenParisAsync());
        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            Assert.False(await db.ResourceHours.AnyAsync(h => h.CommuneCode == "77284" && h.Released));
        }
        Assert.Equal([60d, 90d, 2d], await NumberAsync(IndicatorCatalogue.EngagementDuration));
        Assert.Equal([3d], await NumberAsync(IndicatorCatalogue.EngagedResources)); // a resource counts once, at its first status
    }

    [Fact]
    public async Task A_case_moved_to_another_commune_takes_its_resources_with_it_at_once_and_after_the_refresh()
    {
        // C (Meaux, FPT2 engaged at 10:20) is placed again by its sender, in Guichen: nothing about its resources changed.
        await Intake.PushAsync(CreateCase("case.c", insee: "35126", lat: 47.9657986, lon: -1.7901215, sentAt: At(12, 0)));
        await Intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            Assert.Contains(NineParis.AddHours(1), await db.OpenedHourMarks.Select(m => m.Hour).ToListAsync()); // its opening and first status hour: read from the incidents
        }
        await AssertMovedAsync();

        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            Assert.Equal(["35126"], await db.ResourceHours.Where(h => h.Hour == NineParis.AddHours(1) && !h.Released).Select(h => h.CommuneCode).ToListAsync());
        }
        await AssertMovedAsync();

        async Task AssertMovedAsync()
        {
            Assert.Equal([1d], await NumberAsync(IndicatorCatalogue.EngagedResources, "commune:35126", MayorOfGuichen));
            Assert.Equal([0d], await NumberAsync(IndicatorCatalogue.EngagedResources, "commune:77284"));
            Assert.Equal([2d], await NumberAsync(IndicatorCatalogue.EngagedResources, "departement:77"));
            Assert.Equal([3d], await NumberAsync(IndicatorCatalogue.EngagedResources));
        }
    }

    [Fact]
    public async Task A_kind_longer_than_the_column_is_cut_alike_before_and_after_the_refresh()
    {
        // A sender's free text: PostgreSQL would refuse it whole in the pre-aggregate's column, and the refresh would fail for ever.
        var kind = "VSAV " + new string('x', 295);
        await Intake.PushAsync(Resource("case.c", "res.LONG", "DECLENCHE", At(10, 30), vehicleType: kind));
        await Intake.DrainAsync();
        var cut = kind[..Infrastructure.Indicators.Aggregates.ResourceHour.MaxKindLength];
        Assert.Equal([1d], await KindCountAsync(cut));

        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            Assert.Equal(1, await db.ResourceHours.Where(h => h.Kind == cut).SumAsync(h => h.Resources));
        }
        Assert.Equal([1d], await KindCountAsync(cut));
    }

    [Fact]
    public async Task Saves_write_each_incidents_resource_status_span_and_the_first_build_writes_those_stored_without_one()
    {
        // A: FPT1 09:02 → 10:02; B: VSAV1 09:35 → 11:05; C: FPT2 10:20 → 10:45 (on scene); the others have no resource.
        (string, DateTime, DateTime)[] spans =
            [("case.a", At(9, 2).UtcDateTime, At(10, 2).UtcDateTime), ("case.b", At(9, 35).UtcDateTime, At(11, 5).UtcDateTime),
             ("case.c", At(10, 20).UtcDateTime, At(10, 45).UtcDateTime)];
        Assert.Equal(spans, await SpansAsync());
        await AssertPartialHoursAsync();
        await using (var db = await DbAsync())
        {
            // As a database from before the spans, or incidents copied in bulk: no span, and the first build's mark.
            await db.Incidents.ExecuteUpdateAsync(s => s
                .SetProperty(i => EF.Property<DateTimeOffset?>(i, "FirstResourceStatusAt"), (DateTimeOffset?)null)
                .SetProperty(i => EF.Property<DateTimeOffset?>(i, "LastResourceStatusAt"), (DateTimeOffset?)null));
            var build = Infrastructure.Indicators.Aggregates.OpenedHourMark.ResourcesEverything;
            db.OpenedHourMarks.Add(new Infrastructure.Indicators.Aggregates.OpenedHourMark { Id = build.Id, Hour = build.Hour });
            await db.SaveChangesAsync();
        }
        await AssertPartialHoursAsync(); // the incidents narrowed by their receipts meanwhile
        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        Assert.Equal(spans, await SpansAsync());
        await AssertPartialHoursAsync();
    }

    /// <summary>Periods without a whole hour, read from the incidents alone.</summary>
    private async Task AssertPartialHoursAsync()
    {
        // 10:00–10:30: FPT2 engaged (10:20), FPT1 released (10:02) after 60 min; 10:30–11:30: VSAV1 released (11:05) after 90 min.
        Assert.Equal([1d], await PeriodNumberAsync(IndicatorCatalogue.EngagedResources, At(10, 0), At(10, 30)));
        Assert.Equal([60d, 60d, 1d], await PeriodNumberAsync(IndicatorCatalogue.EngagementDuration, At(10, 0), At(10, 30)));
        Assert.Equal([0d], await PeriodNumberAsync(IndicatorCatalogue.EngagedResources, At(10, 30), At(11, 30)));
        Assert.Equal([90d, 90d, 1d], await PeriodNumberAsync(IndicatorCatalogue.EngagementDuration, At(10, 30), At(11, 30)));
    }

    private async Task<List<(string, DateTime, DateTime)>> SpansAsync()
    {
        await using var db = await DbAsync();
        var spans = await db.Incidents.AsNoTracking().Where(i => EF.Property<DateTimeOffset?>(i, "FirstResourceStatusAt") != null)
            .Select(i => new { i.CaseId, First = EF.Property<DateTimeOffset?>(i, "FirstResourceStatusAt"), Last = EF.Property<DateTimeOffset?>(i, "LastResourceStatusAt") })
            .ToListAsync();
        return [.. spans.Select(s => (s.CaseId!, s.First!.Value.UtcDateTime, s.Last!.Value.UtcDateTime)).Order()];
    }

    private async Task<IReadOnlyList<double?>> PeriodNumberAsync(IndicatorDefinition indicator, DateTimeOffset from, DateTimeOffset to)
    {
        Assert.True(IndicatorTerritory.TryParse("national", out var scope));
        var request = new IndicatorRequest(indicator, scope, from, to, IndicatorStep.Hour, IndicatorRepresentation.Number, null);
        return Assert.Single((await Intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(National, request))!.Rows).Values;
    }

    private async Task<IReadOnlyList<double?>> KindCountAsync(string kind) =>
        (await ComputeAsync(IndicatorCatalogue.EngagedResources, IndicatorRepresentation.Table, "national"))!.Rows.Single(r => r.Category == kind).Values;

    private async Task AssertEngagedByHourAsync(double nine, double ten)
    {
        var series = (await ComputeAsync(IndicatorCatalogue.EngagedResources, IndicatorRepresentation.TimeSeries, "national"))!.Rows;
        Assert.Equal((nine, ten), (series.Single(r => r.At == At(9, 0)).Values[0]!.Value, series.Single(r => r.At == At(10, 0)).Values[0]!.Value));
        Assert.Equal([3d], await NumberAsync(IndicatorCatalogue.EngagedResources));
    }

    private async Task<IReadOnlyList<double?>> ElevenParisAsync() =>
        (await ComputeAsync(IndicatorCatalogue.EngagementDuration, IndicatorRepresentation.TimeSeries, "national"))!.Rows.Single(r => r.At == At(11, 0)).Values;

    /// <summary>The rows by commune, then the national level's (with no place), then the department level's (by UTC day).</summary>
    private static async Task<List<(DateTimeOffset, string, string, string, string, bool, long, int)>> RowsAsync(Infrastructure.Persistence.EnkiDbContext db) =>
    [
        .. (await db.ResourceHours.AsNoTracking().ToListAsync())
            .Select(h => (h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode, h.Kind, h.Released, h.DurationTicks, h.Resources)).Order(),
        .. (await db.ResourceNationalHours.AsNoTracking().ToListAsync())
            .Select(h => (h.Hour, "", "", "", h.Kind, h.Released, h.DurationTicks, h.Resources)).Order(),
        .. (await db.ResourceDepartmentDays.AsNoTracking().ToListAsync())
            .Select(d => (d.Day, "", d.DepartmentCode, d.ZoneCode, d.Kind, d.Released, d.DurationTicks, d.Resources)).Order(),
    ];

    private static long Minutes(int minutes) => TimeSpan.FromMinutes(minutes).Ticks;

    private async Task<IReadOnlyList<double?>> NumberAsync(IndicatorDefinition indicator, string territory = "national", Domain.Access.Viewer? viewer = null) =>
        Assert.Single((await ComputeAsync(indicator, IndicatorRepresentation.Number, territory, viewer))!.Rows).Values;

    private async Task<IReadOnlyList<double?>> NumberAsync(IndicatorDefinition indicator, DateTimeOffset from, DateTimeOffset to, string territory = "national",
        Domain.Access.Viewer? viewer = null) =>
        Assert.Single((await ComputeAsync(indicator, IndicatorRepresentation.Number, territory, viewer, from, to))!.Rows).Values;

    /// <summary>The indicator over the day of the data set, or over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private Task<IndicatorResult?> ComputeAsync(IndicatorDefinition indicator, IndicatorRepresentation representation, string territory, Domain.Access.Viewer? viewer = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        Assert.True(IndicatorTerritory.TryParse(territory, out var scope));
        var request = new IndicatorRequest(indicator, scope, from ?? Day, to ?? Day.AddDays(1), IndicatorStep.Hour, representation, null);
        return Intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer ?? National, request);
    }
}
