using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Domain.Indicators.IndicatorRepresentation;
using static Enki.Tests.Indicators.IndicatorDataSet;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// « Population touchée » read from the refreshed pre-aggregate (<see cref="TouchedCommunes"/>): whole hours probed commune
/// by commune or read by hour and commune, the period's partial hours and the marked hours from the incidents, each commune
/// once per bucket, and only the communes the viewer sees. Rows only the aggregate holds show which level answered.
/// </summary>
/// <remarks>Run again on PostgreSQL (<c>PopulationTouchedOnPostgresTests</c>).</remarks>
[Collection(GeographyCollection.Name)]
public class PopulationTouchedTests : RefreshedIndicatorDay
{
    // Populations: Chelles 54,620, Meaux 56,905, Guichen 9,412; Rennes's is read from the geography.
    private const string Rennes = "35238";
    private static readonly DateTimeOffset NineParis = At(9, 0).ToUniversalTime();
    private static readonly Viewer Sdis77 = new("sdis77", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));

    public PopulationTouchedTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    protected PopulationTouchedTests(GeographyFixture geography, TestEngine engine) : base(geography, engine) { }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Rows only the aggregate holds: Chelles opens again at 14:00 Paris; Rennes's 15:00 row holds a progress change only.
        await AddRowAsync("77108", NineParis.AddHours(5), opened: 1);
        await AddRowAsync(Rennes, NineParis.AddHours(6), opened: 0);
    }

    private double RennesPopulation => Geography.Geography.FindCommune(Rennes)!.Population;

    [Fact]
    public async Task Whole_hours_come_from_the_aggregate_the_partial_ones_and_the_marked_ones_from_the_incidents()
    {
        // 09:40 → midnight Paris: Guichen only by D (09:45, in the partial first hour), Meaux by C (10:15), Chelles by its
        // 14:00 row; not Chelles by A and B (before 09:40), not Rennes (no opening).
        Assert.Equal([9_412d + 56_905 + 54_620, 3], await NumberAsync());
        Assert.Equal([("35", 9_412d, 1d), ("77", 56_905d + 54_620, 2d)], await ByDepartmentAsync());

        // The aggregate is made to say that Meaux opened nothing at 10:00 and Rennes opened something.
        await using (var db = await DbAsync())
        {
            await db.OpenedHours.Where(h => h.CommuneCode == "77284").ExecuteUpdateAsync(s => s.SetProperty(h => h.Opened, 0));
        }
        await AddRowAsync(Rennes, NineParis.AddHours(1), opened: 1);
        Assert.Equal([9_412d + RennesPopulation + 54_620, 3], await NumberAsync());

        // C changes: its hour is marked, and read from the incidents again, Meaux's opening and no Rennes.
        await Intake.PushAsync(Situation("case.c", "IPR", At(11, 0)));
        await Intake.DrainAsync();
        Assert.Equal([9_412d + 56_905 + 54_620, 3], await NumberAsync());
        Assert.Equal([("35", 9_412d, 1d), ("77", 56_905d + 54_620, 2d)], await ByDepartmentAsync());
    }

    [Fact]
    public async Task Whole_days_name_their_communes_from_the_days_rows_and_the_others_are_probed()
    {
        // The whole Paris day of the 28th: Chelles (A, B), Meaux (C), Guichen (D).
        Assert.Equal([54_620d + 56_905 + 9_412, 3], await NumberAsync(from: Day, to: Day.AddDays(1)));

        // The days' rows are made to name Rennes (whose hours hold no opening) and to forget Chelles: Rennes comes from them,
        // Chelles from its probe.
        await using (var db = await DbAsync())
        {
            var paris = TerritoryClock.Paris.Id;
            var rows = db.TouchedDepartmentDays.Where(d => d.Day == Day.ToUniversalTime() && d.Clock == paris);
            Assert.Equal(1, await rows.Where(d => d.DepartmentCode == "35").ExecuteUpdateAsync(s => s.SetProperty(d => d.Communes, $"35126 {Rennes}")));
            Assert.Equal(1, await rows.Where(d => d.DepartmentCode == "77").ExecuteUpdateAsync(s => s.SetProperty(d => d.Communes, "77284")));
        }
        Assert.Equal([54_620d + 56_905 + 9_412 + RennesPopulation, 4], await NumberAsync(from: Day, to: Day.AddDays(1)));
        Assert.Equal([("35", 9_412d + RennesPopulation, 2d), ("77", 56_905d + 54_620, 2d)], await ByDepartmentAsync(from: Day, to: Day.AddDays(1)));

        // C changes: the day holds a marked hour, and its rows are not read until they are written again.
        await Intake.PushAsync(Situation("case.c", "IPR", At(11, 0)));
        await Intake.DrainAsync();
        Assert.Equal([54_620d + 56_905 + 9_412, 3], await NumberAsync(from: Day, to: Day.AddDays(1)));
    }

    [Fact]
    public async Task Each_viewer_counts_the_communes_of_their_jurisdiction_only()
    {
        await AddRowAsync(Rennes, NineParis.AddHours(2), opened: 1);

        Assert.Equal([54_620d, 1], await NumberAsync(MayorOfChelles, "commune:77108")); // its 14:00 row (A and B are before 09:40); not Meaux
        Assert.Equal([9_412d, 1], await NumberAsync(MayorOfGuichen, "commune:35126")); // not Rennes
        Assert.Equal([54_620d + 56_905, 2], await NumberAsync(Sdis77, "departement:77"));
        Assert.Equal([9_412d + RennesPopulation, 2], await NumberAsync(territory: "departement:35"));
        Assert.Null(await ComputeAsync(Number, MayorOfChelles, "departement:77"));
        Assert.Null(await ComputeAsync(Number, Sdis77, "departement:35"));
    }

    [Fact]
    public async Task A_series_counts_a_commune_once_in_each_bucket_it_is_touched()
    {
        var hours = (await ComputeAsync(TimeSeries))!.Rows;
        // F (00:30 Paris on the 29th) is 23:30 UTC on the 28th, in the Paris day of the 29th.
        var days = (await ComputeAsync(TimeSeries, territory: "departement:77", step: IndicatorStep.Day, from: Day, to: Day.AddDays(2)))!.Rows;

        Assert.Equal(24, hours.Count);
        Assert.Equal([54_620d + 9_412, 2], hours.Single(r => r.At == At(9, 0)).Values); // Chelles once for A and B, Guichen
        Assert.Equal([56_905d, 1], hours.Single(r => r.At == At(10, 0)).Values);
        Assert.Equal([54_620d, 1], hours.Single(r => r.At == At(14, 0)).Values);
        Assert.Equal([0d, 0], hours.Single(r => r.At == At(15, 0)).Values); // Rennes's row holds no opening
        Assert.Equal(
            [(Day, 54_620d + 56_905, 2d), (Day.AddDays(1), 54_620d, 1d)],
            days.Select(r => (r.At!.Value, r.Values[0]!.Value, r.Values[1]!.Value)));
    }

    private async Task AddRowAsync(string commune, DateTimeOffset hour, int opened)
    {
        var department = Geography.Geography.DepartmentOf(Geography.Geography.FindCommune(commune)!);
        await using var db = await DbAsync();
        db.OpenedHours.Add(new OpenedHour
        {
            Hour = hour, CommuneCode = commune, DepartmentCode = department.Code, ZoneCode = department.ZoneCode, NatureFamily = "C04",
            Opened = opened, Started = 1,
        });
        await db.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<double?>> NumberAsync(
        Viewer? viewer = null, string territory = "national", DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        Assert.Single((await ComputeAsync(Number, viewer, territory, from: from ?? At(9, 40), to: to))!.Rows).Values;

    private async Task<List<(string, double, double)>> ByDepartmentAsync(DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        (await ComputeAsync(DepartmentMap, from: from ?? At(9, 40), to: to))!.Rows.Select(r => (r.Area!, r.Values[0]!.Value, r.Values[1]!.Value)).ToList();

    private async Task<IndicatorResult?> ComputeAsync(IndicatorRepresentation representation, Viewer? viewer = null, string territory = "national",
        IndicatorStep step = IndicatorStep.Hour, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        Assert.True(IndicatorTerritory.TryParse(territory, out var parsed));
        var request = new IndicatorRequest(IndicatorCatalogue.PopulationTouched, parsed, from ?? Day, to ?? Day.AddDays(1), step, representation, null);
        return await Intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer ?? National, request);
    }
}
