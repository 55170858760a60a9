using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Tests.Geography;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Domain.Indicators.IndicatorRepresentation;
using static Enki.Tests.Indicators.IndicatorDataSet;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// « Population touchée » as a series by day, from the communes touched by department and local day (<see cref="TouchedDepartmentDay"/>):
/// the rows the refresh writes, worked out by hand from <see cref="IndicatorDataSet"/> (F at 23:30 UTC lies in the Paris day of the 29th,
/// G at 22:00 UTC on the 27th in the Réunion day of the 28th and the Paris day of the 27th); which level answers, shown by a row only
/// the days hold; the marked days read from the hours; the same figures from the rows, from the hours and after the first build.
/// </summary>
/// <remarks>Run again on PostgreSQL (<c>TouchedDepartmentDayOnPostgresTests</c>).</remarks>
[Collection(GeographyCollection.Name)]
public class TouchedDepartmentDayTests : RefreshedIndicatorDay
{
    // Populations: Chelles 54,620, Meaux 56,905, Guichen 9,412; Saint-Denis (974) is read from the geography.
    public TouchedDepartmentDayTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    protected TouchedDepartmentDayTests(GeographyFixture geography, TestEngine engine) : base(geography, engine) { }

    private double SaintDenis => Geography.Geography.FindCommune("97411")!.Population;

    private double SaintPaul => Geography.Geography.FindCommune("97415")!.Population;

    private string SouthIndianOcean => Geography.Geography.FindDepartment("974")!.ZoneCode;

    [Fact]
    public async Task Each_department_keeps_its_communes_touched_in_each_day_of_Paris_and_of_its_own_time()
    {
        await using var db = await DbAsync();
        var rows = (await db.TouchedDepartmentDays.ToListAsync()).OrderBy(r => r.Day).ThenBy(r => r.DepartmentCode).ToList();

        Assert.Equal(
        [
            (new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero), "Europe/Paris", "974", "97411", (long)SaintDenis, 1), // G in Paris's 27th too
            (new DateTimeOffset(2026, 11, 27, 20, 0, 0, TimeSpan.Zero), "Indian/Reunion", "974", "97411", (long)SaintDenis, 1), // Réunion midnight (UTC+4)
            (new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero), "Europe/Paris", "35", "35126", 9_412L, 1), // Paris midnight (UTC+1)
            (new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero), "Europe/Paris", "77", "77108 77284", 54_620L + 56_905, 2), // A and B once, C; not the exercise E
            (new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero), "Europe/Paris", "77", "77108", 54_620L, 1), // F
        ], rows.Select(r => (r.Day.ToUniversalTime(), r.Clock, r.DepartmentCode, r.Communes, r.Inhabitants, r.CommuneCount)));
        // Summed with this geography's populations, whose fingerprint every row keeps.
        Assert.Single(rows.Select(r => r.Populations).Distinct(), p => p != 0);
    }

    [Fact]
    public async Task A_series_by_day_takes_its_whole_unmarked_days_from_the_rows_and_the_others_from_the_hours()
    {
        // G's Saint-Denis lies in Paris's 27th.
        List<(DateTimeOffset, double, double)> truth =
            [(Day.AddDays(-1), SaintDenis, 1), (Day, 54_620d + 56_905 + 9_412, 3), (Day.AddDays(1), 54_620, 1)];
        Assert.Equal(truth, await NationalDaysAsync());

        // The rows are made to say Meaux was not touched on the 28th: the national series and the department's believe them; a mayor's
        // series never reads them.
        await SetCommunesAsync("77", Day, "77108");
        await SetCommunesAsync("974", Day.AddDays(-1), "97411 97415"); // and that Saint-Paul was touched on Paris's 27th
        Assert.Equal([(Day.AddDays(-1), SaintDenis + SaintPaul, 2), (Day, 54_620d + 9_412, 2), (Day.AddDays(1), 54_620, 1)], await NationalDaysAsync());
        Assert.Equal([54_620d, 1], (await SeriesAsync("departement:77"))!.Rows.Single(r => r.At == Day).Values);
        Assert.Equal([56_905d, 1], (await SeriesAsync("commune:77284", new("maire-meaux", "Maire de Meaux", Domain.Access.Profile.Mayor,
            Domain.Access.Jurisdiction.Commune("77284"))))!.Rows.Single(r => r.At == Day).Values);

        // C changes: its hour is marked, so the 28th is read from the hours again; the refresh writes the day again.
        await Intake.PushAsync(Situation("case.c", "IPR", At(11, 0)));
        await Intake.DrainAsync();
        Assert.Equal([(Day.AddDays(-1), SaintDenis + SaintPaul, 2), .. truth.Skip(1)], await NationalDaysAsync());
        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        Assert.Equal([(Day.AddDays(-1), SaintDenis + SaintPaul, 2), .. truth.Skip(1)], await NationalDaysAsync()); // the 27th was not marked
        await using var db = await DbAsync();
        var day = Day.ToUniversalTime();
        Assert.Equal("77108 77284", (await db.TouchedDepartmentDays.SingleAsync(d => d.Day == day && d.DepartmentCode == "77")).Communes);

        // A row summed with these populations is read as summed: its codes are not read again.
        var nextDay = Day.AddDays(1).ToUniversalTime();
        await db.TouchedDepartmentDays.Where(d => d.Day == nextDay && d.DepartmentCode == "77")
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Inhabitants, 1_000).SetProperty(d => d.CommuneCount, 7));
        Assert.Equal((Day.AddDays(1), 1_000d, 7d), (await NationalDaysAsync())[^1]);

        // A row summed with other populations is read from its codes, each with its own inhabitants: Guichen (35) listed under 77 as well,
        // a code no geography knows with none.
        await SetCommunesAsync("77", Day.AddDays(1), "35126 77108 99999");
        Assert.Equal((Day.AddDays(1), 54_620d + 9_412, 3d), (await NationalDaysAsync())[^1]);
    }

    [Fact]
    public async Task The_rows_the_hours_and_the_first_build_give_the_same_figures()
    {
        var views = new (string Territory, DateTimeOffset From)[]
        {
            ("national", Day.AddDays(-1)), ("national", At(9, 40)), ("departement:77", Day), ("departement:974", Day.AddDays(-1)),
            ($"zone:{SouthIndianOcean}", Day.AddDays(-1)),
        };
        var fromRows = await AllAsync();
        Assert.Equal([SaintDenis, 1], fromRows[^1].Single(r => r.At!.Value.UtcDateTime == new DateTime(2026, 11, 27, 20, 0, 0)).Values);

        // The build's mark, every row gone: the hours answer, then the job builds the rows again in one pass.
        await using (var db = await DbAsync())
        {
            await db.TouchedDepartmentDays.ExecuteDeleteAsync();
            db.OpenedHourMarks.Add(new OpenedHourMark { Id = OpenedHourMark.TouchedEverything.Id, Hour = OpenedHourMark.TouchedEverything.Hour });
            await db.SaveChangesAsync();
        }
        Assert.Equal(Flatten(fromRows), Flatten(await AllAsync()));
        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
        await using (var db = await DbAsync())
        {
            Assert.Equal(5, await db.TouchedDepartmentDays.CountAsync());
        }
        Assert.Equal(Flatten(fromRows), Flatten(await AllAsync()));

        async Task<List<IReadOnlyList<IndicatorRow>>> AllAsync()
        {
            var results = new List<IReadOnlyList<IndicatorRow>>();
            foreach (var (territory, from) in views)
            {
                results.Add((await SeriesAsync(territory, from: from))!.Rows);
            }
            return results;
        }
    }

    private static List<string> Flatten(List<IReadOnlyList<IndicatorRow>> results) =>
        [.. results.SelectMany((rows, i) => rows.Select(r => $"{i} {r.At:O} {string.Join('/', r.Values)}"))];

    /// <summary>Makes a row list other communes, as if summed with other populations (so its codes are read).</summary>
    private async Task SetCommunesAsync(string department, DateTimeOffset day, string communes)
    {
        await using var db = await DbAsync();
        var start = day.ToUniversalTime(); // stored in UTC, and SQLite compares the offset too
        Assert.Equal(1, await db.TouchedDepartmentDays.Where(d => d.Day == start && d.DepartmentCode == department)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Communes, communes).SetProperty(d => d.Populations, 0)));
    }

    private async Task<List<(DateTimeOffset, double, double)>> NationalDaysAsync() =>
        [.. (await SeriesAsync("national", from: Day.AddDays(-1)))!.Rows.Select(r => (r.At!.Value, r.Values[0]!.Value, r.Values[1]!.Value))];

    private async Task<IndicatorResult?> SeriesAsync(string territory, Domain.Access.Viewer? viewer = null, DateTimeOffset? from = null)
    {
        Assert.True(IndicatorTerritory.TryParse(territory, out var parsed));
        var request = new IndicatorRequest(IndicatorCatalogue.PopulationTouched, parsed, from ?? Day, Day.AddDays(2), IndicatorStep.Day, TimeSeries, null);
        return await Intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer ?? National, request);
    }
}
