using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
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
/// The coverage pre-aggregate over the day of <see cref="IndicatorDataSet"/>: what it holds once refreshed, that readers take
/// its rows (and only their own commune's for a mayor), and that a resource arriving later counts at once and after the refresh.
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
        }
        Assert.Equal(expected, await NumberAsync());
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
