using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Indicators.IndicatorDataSet;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// The grid's national level (<see cref="GridNationalHour"/>) over the cases of <see cref="GridDensityQueriesTests"/>, refreshed: every
/// question of that class asked again (the nation's maps now read its rows), what each hour holds by hand, who reads a row only it holds,
/// and that a new case counts at once and after the refresh.
/// </summary>
/// <remarks>Run again on PostgreSQL (<c>GridNationalLevelOnPostgresTests</c>).</remarks>
[Collection(GeographyCollection.Name)]
public class GridNationalLevelTests : GridDensityQueriesTests
{
    // 09:00 Paris: g1 (Chelles1) and g4 (Guichen); 10:00 g2 (Chelles1); 11:00 g3 (Chelles2); 00:30 the next day g6 (Chelles1).
    private static readonly DateTimeOffset NineParis = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public GridNationalLevelTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    protected GridNationalLevelTests(GeographyFixture geography, TestEngine engine) : base(geography, engine) { }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
    }

    [Fact]
    public async Task Each_hour_holds_its_placed_real_cases_by_family_and_square()
    {
        await using var db = await DbAsync();
        var hours = await db.GridNationalHours.OrderBy(h => h.Hour).ToListAsync();

        // The exercise g5 and g7 without a point are nowhere.
        Assert.Equal([NineParis, NineParis.AddHours(1), NineParis.AddHours(2), NineParis.AddHours(15)], hours.Select(h => h.Hour));
        Assert.Equal([("C04", 670_000L, 6_864_000L, 1), ("C08", 342_000L, 6_773_000L, 1)], Read(hours[0]));
        Assert.Equal([("C04", 670_000L, 6_864_000L, 1)], Read(hours[1]));
        Assert.Equal([("C04", 670_000L, 6_863_000L, 1)], Read(hours[2]));
        Assert.Equal([("C04", 670_000L, 6_864_000L, 1)], Read(hours[3]));
    }

    [Fact]
    public async Task A_row_only_the_national_level_holds_is_what_the_nation_maps_and_neither_a_department_nor_a_mayor()
    {
        await HandMadeNineOClockAsync();

        // The nation: the 09:00 row's five floods in Guichen replace g1 and g4; g2 and g3 come from their own rows.
        var nation = (await GridAsync(National, "national"))!;
        Assert.Equal([(Guichen, 5d), (Chelles2, 1d), (Chelles1, 1d)], nation.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        var floods = (await GridAsync(National, "national", category: "c08"))!;
        Assert.Equal([(Guichen, 5d)], floods.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        var fires = (await GridAsync(National, "national", category: "C04"))!;
        Assert.Equal([(Chelles2, 1d), (Chelles1, 1d)], fires.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        // A department and a mayor read the incidents.
        Assert.Equal([(Guichen, 1d)], (await GridAsync(National, "departement:35"))!.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Equal([(Guichen, 1d)], (await GridAsync(MayorOfGuichen, "commune:35126"))!.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
    }

    [Fact]
    public async Task While_its_first_build_waits_the_nation_reads_the_incidents_and_the_build_packs_every_hour_again()
    {
        await HandMadeNineOClockAsync();
        await using (var db = await DbAsync())
        {
            db.OpenedHourMarks.Add(new OpenedHourMark { Id = OpenedHourMark.GridNationalEverything.Id, Hour = OpenedHourMark.GridNationalEverything.Hour });
            await db.SaveChangesAsync();
        }
        Assert.Equal([(Guichen, 1d), (Chelles2, 1d), (Chelles1, 2d)], (await GridAsync(National, "national"))!.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));

        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);

        await using (var db = await DbAsync())
        {
            Assert.Equal([("C04", 670_000L, 6_864_000L, 1), ("C08", 342_000L, 6_773_000L, 1)], Read(await db.GridNationalHours.SingleAsync(h => h.Hour == NineParis)));
            Assert.Equal(4, await db.GridNationalHours.CountAsync());
        }
        Assert.Equal([(Guichen, 1d), (Chelles2, 1d), (Chelles1, 2d)], (await GridAsync(National, "national"))!.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
    }

    [Fact]
    public async Task A_new_case_counts_at_once_and_after_the_refresh()
    {
        // g8: a second flood in Guichen at 09:10, in the 09:00 hour the national level already holds.
        await Intake.PushAsync(CreateCase("g8", insee: "35126", lat: 47.9657986, lon: -1.7901215, sentAt: At(9, 10), nature: "C08.01.00"));
        await Intake.DrainAsync();
        await using (var db = await DbAsync())
        {
            Assert.Contains(NineParis, await db.OpenedHourMarks.Select(m => m.Hour).ToListAsync()); // its opening hour is marked…
            Assert.DoesNotContain(("C08", 342_000L, 6_773_000L, 2), Read(await db.GridNationalHours.SingleAsync(h => h.Hour == NineParis))); // …the row is behind…
        }
        // …the map is not.
        Assert.Equal([(Guichen, 2d), (Chelles2, 1d), (Chelles1, 2d)], (await GridAsync(National, "national"))!.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));

        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);

        await using (var db = await DbAsync())
        {
            Assert.Contains(("C08", 342_000L, 6_773_000L, 2), Read(await db.GridNationalHours.SingleAsync(h => h.Hour == NineParis)));
        }
        Assert.Equal([(Guichen, 2d), (Chelles2, 1d), (Chelles1, 2d)], (await GridAsync(National, "national"))!.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
    }

    [Fact]
    public async Task A_damaged_row_fails_the_nations_map_with_its_reason()
    {
        await using (var db = await DbAsync())
        {
            var nine = await db.GridNationalHours.SingleAsync(h => h.Hour == NineParis);
            nine.Squares = [.. nine.Squares, 0];
            await db.SaveChangesAsync();
        }

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => GridAsync(National, "national"));
        Assert.Contains("Carreaux mal empaquetés", failure.Message);
    }

    /// <summary>The 09:00 row replaced by one only the national level holds: five floods in Guichen's square.</summary>
    private async Task HandMadeNineOClockAsync()
    {
        await using var db = await DbAsync();
        var nine = await db.GridNationalHours.SingleAsync(h => h.Hour == NineParis);
        nine.Squares = GridSquareCounts.Pack(Enumerable.Repeat(new GridSquareCounts.Point("C08", 47.9657986, -1.7901215), 5).ToList());
        await db.SaveChangesAsync();
    }

    private static List<(string Family, long East, long North, int Incidents)> Read(GridNationalHour hour)
    {
        var read = new List<(string, long, long, int)>();
        new GridSquareCounts.Reader(null).Read(hour.Squares, (family, squares) =>
        {
            foreach (var square in squares) read.Add((family, square.East, square.North, square.Incidents));
        });
        return read;
    }

    private Task<EnkiDbContext> DbAsync() => Intake.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
}
