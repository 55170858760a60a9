using System.Text.Json;
using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Indicators;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Indicators.IndicatorDataSet;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Indicators;

/// <summary>
/// « Densité au carreau de 1 km » on hand-placed cases (28 November 2026, Paris time). Their Lambert-93
/// coordinates, worked out with IGN's formulas and checked against a published converter:
/// <code>
/// g1 Chelles 48.8786 N 2.5914 E  09:00  E 670 032  N 6 864 364  → N6864000E670000
/// g2 Chelles 48.8770 N 2.5930 E  10:00  E 670 149  N 6 864 186  → N6864000E670000 (same square)
/// g3 Chelles 48.8750 N 2.6000 E  11:00  E 670 661  N 6 863 961  → N6863000E670000
/// g4 Guichen 47.9658 N 1.7901 W  09:45  E 342 743  N 6 773 663  → N6773000E342000 (a flood, C08; the others are fires, C04)
/// g5 Chelles, g1's point, exercise (never counted); g6 Chelles, g1's point, the next day (outside the period)
/// g7 Chelles by its INSEE code alone, no point, 11:30 (on no square, so not in the number either)
/// </code>
/// Asked again of the nation's counts by hour (<c>GridNationalLevelTests</c>).
/// </summary>
[Collection(GeographyCollection.Name)]
public class GridDensityQueriesTests : IAsyncLifetime
{
    private protected const string Chelles1 = "CRS2154RES1000mN6864000E670000";
    private protected const string Chelles2 = "CRS2154RES1000mN6863000E670000";
    private protected const string Guichen = "CRS2154RES1000mN6773000E342000";

    private readonly GeographyFixture _geography;

    public GridDensityQueriesTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    // The map reads its points straight from the provider's reader: run again on PostgreSQL (SameTestsOnPostgres).
    protected GridDensityQueriesTests(GeographyFixture geography, TestEngine engine) =>
        (_geography, Intake) = (geography, new IntakeHarness(geography.Geography, services => services.AddSingleton<IndicatorQueries>(), engine: engine));

    private protected IntakeHarness Intake { get; }

    public virtual async Task InitializeAsync()
    {
        await Intake.InitializeAsync();
        Intake.Clock.SetUtcNow(Day.AddDays(3));
        await Intake.PushAsync(CreateCase("g1", lat: 48.8786, lon: 2.5914, sentAt: At(9, 0)));
        await Intake.PushAsync(CreateCase("g2", lat: 48.8770, lon: 2.5930, sentAt: At(10, 0)));
        await Intake.PushAsync(CreateCase("g3", lat: 48.8750, lon: 2.6000, sentAt: At(11, 0)));
        await Intake.PushAsync(CreateCase("g4", insee: "35126", lat: 47.9657986, lon: -1.7901215, sentAt: At(9, 45), nature: "C08.01.00"));
        await Intake.PushAsync(CreateCase("g5", status: "Exercise", lat: 48.8786, lon: 2.5914, sentAt: At(9, 20)));
        await Intake.PushAsync(CreateCase("g6", lat: 48.8786, lon: 2.5914, sentAt: At(24, 30)));
        await Intake.PushAsync(CreateCase("g7", lat: null, lon: null, sentAt: At(11, 30)));
        await Intake.DrainAsync();
    }

    public Task DisposeAsync() => Intake.DisposeAsync().AsTask();

    private protected Task<IndicatorResult?> GridAsync(Viewer viewer, string territory, IndicatorRepresentation representation = IndicatorRepresentation.GridMap,
        string? category = null)
    {
        Assert.True(IndicatorTerritory.TryParse(territory, out var parsed));
        return Intake.Services.GetRequiredService<IndicatorQueries>().ComputeAsync(viewer,
            new IndicatorRequest(IndicatorCatalogue.GridDensity, parsed, Day, Day.AddDays(1), IndicatorStep.Hour, representation, category));
    }

    [Fact]
    public async Task A_category_narrows_the_squares_and_their_number()
    {
        var fires = (await GridAsync(National, "national", category: "C04"))!;
        var floods = (await GridAsync(National, "national", category: "c08"))!; // as every indicator's category, whatever its case

        Assert.Equal([(Chelles2, 1d), (Chelles1, 2d)], fires.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Equal([(Guichen, 1d)], floods.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Equal([3d], Assert.Single((await GridAsync(National, "national", IndicatorRepresentation.Number, "C04"))!.Rows).Values); // g7 has no point
        Assert.Equal([1d], Assert.Single((await GridAsync(National, "national", IndicatorRepresentation.Number, "C08"))!.Rows).Values);
    }

    [Fact]
    public async Task Real_cases_of_the_period_are_counted_per_square_of_one_kilometre()
    {
        var grid = (await GridAsync(National, "national"))!;
        var total = (await GridAsync(National, "national", IndicatorRepresentation.Number))!;

        Assert.Equal([(Guichen, 1d), (Chelles2, 1d), (Chelles1, 2d)], grid.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Equal("Carreau E 670 km, N 6 864 km", grid.Rows[2].AreaName?.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal([4d], Assert.Single(total.Rows).Values);
    }

    [Fact]
    public async Task The_grid_is_bounded_to_the_territory_and_to_what_the_viewer_sees()
    {
        var chelles = (await GridAsync(MayorOfChelles, "commune:77108"))!;
        var guichen = (await GridAsync(MayorOfGuichen, "commune:35126"))!;
        var department = (await GridAsync(National, "departement:35"))!;

        Assert.Equal([(Chelles2, 1d), (Chelles1, 2d)], chelles.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Equal([(Guichen, 1d)], guichen.Rows.Select(r => (r.Area!, r.Values[0]!.Value)));
        Assert.Equal([Guichen], department.Rows.Select(r => r.Area!));
        Assert.Null(await GridAsync(MayorOfChelles, "national"));
        Assert.Null(await GridAsync(MayorOfChelles, "commune:35126"));
    }

    [Fact]
    public async Task The_GeoJSON_gives_each_square_as_a_WGS84_polygon_with_its_count()
    {
        var grid = (await GridAsync(MayorOfChelles, "commune:77108"))!;

        var features = JsonDocument.Parse(new IndicatorGeoJson(_geography.Geography, DepartmentOutlines.Load()).Write(grid)).RootElement.GetProperty("features");

        Assert.Equal(2, features.GetArrayLength());
        var square = features.EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("code").GetString() == Chelles1);
        Assert.Equal(2, square.GetProperty("properties").GetProperty("count").GetDouble());
        Assert.Equal("Polygon", square.GetProperty("geometry").GetProperty("type").GetString());
        var ring = square.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => Lambert93.Project(p[1].GetDouble(), p[0].GetDouble())).Select(c => (Math.Round(c.East), Math.Round(c.North))).ToList();
        Assert.Equal(5, ring.Count);
        Assert.Equal((670_000d, 6_864_000d), ring[0]);
        Assert.Contains((671_000d, 6_865_000d), ring);
    }
}
