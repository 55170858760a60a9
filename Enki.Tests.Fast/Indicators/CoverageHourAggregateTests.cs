using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Indicators.IndicatorDataSet;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// The coverage pre-aggregate over the day of <see cref="IndicatorDataSet"/>: what it holds once refreshed, by commune and at its national
/// level, that readers take its rows (and only their own commune's for a mayor), and that a resource arriving later counts at once and after the refresh.
/// </summary>
/// <remarks>Run again on PostgreSQL (<c>CoverageHourAggregateOnPostgresTests</c>).</remarks>
[Collection(GeographyCollection.Name)]
public class CoverageHourAggregateTests : RefreshedIndicatorDay
{
    private static readonly DateTimeOffset NineParis = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public CoverageHourAggregateTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    protected CoverageHourAggregateTests(GeographyFixture geography, TestEngine engine) : base(geography, engine) { }

    [Fact]
    public async Task Each_hour_holds_its_covered_incidents_by_place_family_and_exact_durations_and_readers_take_them()
    {
        await using (var db = await DbAsync())
        {
            var rows = await db.CoverageHours.OrderBy(h => h.Hour).ThenBy(h => h.CommuneCode).ThenBy(h => h.NatureFamily)
                .Select(h => new { h.Hour, h.CommuneCode, h.DepartmentCode, h.ZoneCode, h.NatureFamily, h.TotalTicks, h.AlertTicks, h.Incidents }).ToListAsync();
            // A 12 min (alert 2), B 20 (5) at 09:00 Paris in Chelles; C 30 (5) at 10:15 in Meaux; D, F, G had no resource on scene.
            Assert.Equal(
                [
                    (NineParis, "77108", "C01", Minutes(20), Minutes(5), 1),
                    (NineParis, "77108", "C04", Minutes(12), Minutes(2), 1),
                    (NineParis.AddHours(1), "77284", "C04", Minutes(30), Minutes(5), 1),
                ],
                rows.Select(h => (h.Hour, h.CommuneCode, h.NatureFamily, h.TotalTicks, h.AlertTicks, h.Incidents)));
            Assert.All(rows, h => Assert.Equal(("77", "PARIS"), (h.DepartmentCode, h.ZoneCode)));
            // A row only the aggregate holds, to see who reads it: A's durations three times.
            await db.CoverageHours.Where(h => h.NatureFamily == "C04" && h.CommuneCode == "77108").ExecuteUpdateAsync(s => s.SetProperty(h => h.Incidents, 3));
        }
        await RebuildNationalLevelAsync();
        // 12, 12, 12, 20, 30: median rank 3, P90 rank 5.
        Assert.Equal([12d, 30d, 2d, 5d, 10d, 25d, 5d], await NumberAsync());
        Assert.Equal([12d, 30d, 2d, 5d, 10d, 25d, 5d], await NumberAsync("departement:77"));
        Assert.Equal([12d, 20d, 2d, 5d, 10d, 15d, 4d], await NumberAsync("commune:77108", MayorOfChelles));
        var mayorsMap = await ComputeAsync(IndicatorRepresentation.CommuneMap, "commune:77108", MayorOfChelles);
        Assert.Equal([("77108", 12d, 4d)], mayorsMap!.Rows.Select(r => (r.Area!, r.Values[0]!.Value, r.Values[6]!.Value)));
        Assert.Null(await ComputeAsync(IndicatorRepresentation.CommuneMap, "departement:77", MayorOfChelles));
    }

    [Fact]
    public async Task Rows_of_other_hours_and_communes_with_the_same_durations_are_summed_exactly_in_every_view_without_the_hour()
    {
        await using (var db = await DbAsync())
        {
            // Rows only the aggregate holds: A's durations three times in Chelles at 09:00, and C's row in Meaux at 10:00 given A's durations.
            await db.CoverageHours.Where(h => h.NatureFamily == "C04" && h.CommuneCode == "77108").ExecuteUpdateAsync(s => s.SetProperty(h => h.Incidents, 3));
            await db.CoverageHours.Where(h => h.CommuneCode == "77284")
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.TotalTicks, Minutes(12)).SetProperty(h => h.AlertTicks, Minutes(2)));
        }
        await RebuildNationalLevelAsync();
        // Totals 12, 12, 12, 12 (four fires) and 20 (B): median rank 3, P90 rank 5; alerts 2 ×4 and 5; travels 10 ×4 and 15.
        double?[] all = [12d, 20d, 2d, 5d, 10d, 15d, 5d];
        Assert.Equal(all, await NumberAsync());
        var departments = await ComputeAsync(IndicatorRepresentation.DepartmentMap, "national");
        Assert.Equal("77", Assert.Single(departments!.Rows).Area);
        Assert.Equal(all, departments.Rows[0].Values);
        var fires = await ComputeAsync(IndicatorRepresentation.Number, "national", category: "C04");
        Assert.Equal([12d, 12d, 2d, 2d, 10d, 10d, 4d], Assert.Single(fires!.Rows).Values);
        var communes = await ComputeAsync(IndicatorRepresentation.CommuneMap, "departement:77");
        Assert.Equal([("77108", 12d, 4d), ("77284", 12d, 1d)], communes!.Rows.Select(r => (r.Area!, r.Values[0]!.Value, r.Values[6]!.Value)));
    }

    [Fact]
    public async Task A_resource_arriving_later_counts_at_once_and_after_the_refresh()
    {
        Assert.Equal([20d, 30d, 5d, 5d, 15d, 25d, 3d], await NumberAsync());

        // D (Guichen, 09:45): engaged at 09:50, on scene at 10:05, 20 minutes (alert 5, travel 15).
        await Intake.PushAsync(Resource("case.d", "res.VSAV2", "DECLENCHE", At(9, 50)));
        await Intake.PushAsync(Resource("case.d", "res.VSAV2", "ARRIVEE", At(10, 5)));
        await Intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            Assert.Contains(NineParis, await db.OpenedHourMarks.Select(m => m.Hour).ToListAsync()); // its opening hour is marked…
            Assert.False(await db.CoverageHours.AnyAsync(h => h.CommuneCode == "35126")); // …the aggregate is behind…
        }
        // …the answer is not: 12, 20, 20, 30 (median rank 2, P90 rank 4); alert 2, 5, 5, 5; travel 10, 15, 15, 25.
        var expected = new double?[] { 20d, 30d, 5d, 5d, 15d, 25d, 4d };
        Assert.Equal(expected, await NumberAsync());
        Assert.Equal([20d, 20d, 5d, 5d, 15d, 15d, 1d], await NumberAsync("commune:35126", MayorOfGuichen));

        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            var d = await db.CoverageHours.SingleAsync(h => h.CommuneCode == "35126");
            Assert.Equal((Minutes(20), Minutes(5), 1), (d.TotalTicks, d.AlertTicks, d.Incidents));
            // Its hour's national row was rewritten with it.
            Assert.Contains(("35", "C08", Minutes(20), Minutes(5), 1), Packed(await db.CoverageNationalHours.SingleAsync(h => h.Hour == NineParis)));
        }
        Assert.Equal(expected, await NumberAsync());
    }

    [Fact]
    public async Task The_national_level_packs_each_hour_without_communes_and_national_views_read_it_while_its_first_build_waits_they_read_the_communes()
    {
        await using (var db = await DbAsync())
        {
            var national = await db.CoverageNationalHours.OrderBy(h => h.Hour).ToListAsync();
            Assert.Equal([NineParis, NineParis.AddHours(1)], national.Select(h => h.Hour));
            Assert.Equal([("77", "C01", Minutes(20), Minutes(5), 1), ("77", "C04", Minutes(12), Minutes(2), 1)], Packed(national[0]));
            Assert.Equal([("77", "C04", Minutes(30), Minutes(5), 1)], Packed(national[1]));
            // A 09:00 row only the national level holds, to see who reads it: four fires in department 35 with B's durations, nothing else.
            national[0].Durations = CoverageDurations.Pack([new CoverageHour
            {
                Hour = NineParis, CommuneCode = "35126", DepartmentCode = "35", ZoneCode = "OUEST", NatureFamily = "C04",
                TotalTicks = Minutes(20), AlertTicks = Minutes(5), Incidents = 4,
            }]);
            await db.SaveChangesAsync();
        }
        // Nationally, 20 ×4 and C's 30 (median rank 3, P90 rank 5); alerts 5 ×5; travels 15 ×4 and 25.
        Assert.Equal([20d, 30d, 5d, 5d, 15d, 25d, 5d], await NumberAsync());
        var departments = await ComputeAsync(IndicatorRepresentation.DepartmentMap, "national");
        Assert.Equal([("35", [20d, 20d, 5d, 5d, 15d, 15d, 4d]), ("77", [30d, 30d, 5d, 5d, 25d, 25d, 1d])],
            departments!.Rows.Select(r => (r.Area!, r.Values.ToArray())));
        var series = await ComputeAsync(IndicatorRepresentation.TimeSeries, "national");
        Assert.Equal(4d, series!.Rows.Single(r => r.At == NineParis).Values[6]);
        Assert.Equal(30d, series.Rows.Single(r => r.At == NineParis.AddHours(1)).Values[0]);
        Assert.Equal(5d, series.Rows.Sum(r => r.Values[6]));
        var fires = await ComputeAsync(IndicatorRepresentation.Number, "national", category: "C04");
        Assert.Equal([20d, 30d, 5d, 5d, 15d, 25d, 5d], Assert.Single(fires!.Rows).Values);
        // A department, and a commune map of the nation, still read the rows by commune: A 12, B 20, C 30.
        Assert.Equal([20d, 30d, 5d, 5d, 15d, 25d, 3d], await NumberAsync("departement:77"));
        var communes = await ComputeAsync(IndicatorRepresentation.CommuneMap, "national");
        Assert.Equal(["77108", "77284"], communes!.Rows.Select(r => r.Area));

        // While its first build waits, the nation reads the rows by commune too; the build then packs them again.
        await using (var db = await DbAsync())
        {
            db.OpenedHourMarks.Add(new OpenedHourMark { Id = OpenedHourMark.CoverageNationalEverything.Id, Hour = OpenedHourMark.CoverageNationalEverything.Hour });
            await db.SaveChangesAsync();
        }
        Assert.Equal([20d, 30d, 5d, 5d, 15d, 25d, 3d], await NumberAsync());
        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            Assert.Equal([("77", "C01", Minutes(20), Minutes(5), 1), ("77", "C04", Minutes(12), Minutes(2), 1)],
                Packed(await db.CoverageNationalHours.SingleAsync(h => h.Hour == NineParis)));
        }
        Assert.Equal([20d, 30d, 5d, 5d, 15d, 25d, 3d], await NumberAsync());
    }

    /// <summary>The national level packed again from the rows by commune, by its first build.</summary>
    private async Task RebuildNationalLevelAsync()
    {
        await using (var db = await DbAsync())
        {
            db.OpenedHourMarks.Add(new OpenedHourMark { Id = OpenedHourMark.CoverageNationalEverything.Id, Hour = OpenedHourMark.CoverageNationalEverything.Hour });
            await db.SaveChangesAsync();
        }
        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
    }

    private static List<(string Department, string Family, long Total, long Alert, int Incidents)> Packed(CoverageNationalHour hour)
    {
        var read = new List<(string, string, long, long, int)>();
        new CoverageDurations.Reader(departments: true, families: true).Read(hour.Durations, (d, f, pairs) =>
        {
            foreach (var pair in pairs) read.Add((d, f, pair.TotalTicks, pair.AlertTicks, pair.Incidents));
        });
        return read;
    }

    private static long Minutes(int minutes) => TimeSpan.FromMinutes(minutes).Ticks;

    private async Task<IReadOnlyList<double?>> NumberAsync(string territory = "national", Domain.Access.Viewer? viewer = null) =>
        Assert.Single((await ComputeAsync(IndicatorRepresentation.Number, territory, viewer))!.Rows).Values;

    private Task<IndicatorResult?> ComputeAsync(
        IndicatorRepresentation representation, string territory, Domain.Access.Viewer? viewer = null, string? category = null)
    {
        Assert.True(IndicatorTerritory.TryParse(territory, out var scope));
        var request = new IndicatorRequest(IndicatorCatalogue.CoverageTime, scope, Day, Day.AddDays(1), IndicatorStep.Hour, representation, category);
        return Intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer ?? National, request);
    }
}
