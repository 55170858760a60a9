using Enki.Domain.Geography;

namespace Enki.Tests.Geography;

/// <summary>The Lambert-93 projection against published coordinates, and the 1 km grid squares it names.</summary>
public sealed class Lambert93Tests
{
    private static double Dms(int degrees, int minutes, double seconds) => degrees + minutes / 60d + seconds / 3600d;

    [Fact]
    public void The_false_origin_lands_on_700_km_east_and_6600_km_north()
    {
        // By definition of Lambert-93 (IGN, « Lambert-93, projection associée au système géodésique RGF93 », NTG 87;
        // EPSG:2154): latitude of false origin 46° 30' N, longitude 3° E, false easting 700 000 m, false northing 6 600 000 m.
        var (east, north) = Lambert93.Project(46.5, 3);

        Assert.Equal(700_000, east, 0.001);
        Assert.Equal(6_600_000, north, 0.001);
    }

    [Fact]
    public void A_point_in_Paris_matches_its_published_Lambert_93_coordinates_to_the_millimetre()
    {
        // Published pair, GPS 48° 49' 54.977" N 2° 21' 20.812" E ↔ L93 E 652 709.401 N 6 859 290.946
        // (proj4php, test/Proj4phpTest.php, testTransform, values given to the millimetre).
        var (east, north) = Lambert93.Project(Dms(48, 49, 54.977), Dms(2, 21, 20.812));

        Assert.Equal(652_709.401, east, 0.01);
        Assert.Equal(6_859_290.946, north, 0.01);
    }

    [Fact]
    public void The_Eiffel_Tower_matches_its_published_Lambert_93_coordinates_to_the_metre()
    {
        // Worked example « Lambert 93 ↔ GPS (WGS84) Coordinate Converter » (gpsfrance.net/en/lambert93):
        // 48.8584, 2.2945 is X = 648 237 m, Y = 6 862 272 m.
        var (east, north) = Lambert93.Project(48.8584, 2.2945);

        Assert.Equal(648_237, Math.Round(east));
        Assert.Equal(6_862_272, Math.Round(north));
    }

    [Theory]
    [InlineData(48.3904, -4.4861)] // Brest
    [InlineData(48.5734, 7.7521)] // Strasbourg
    [InlineData(41.9192, 8.7386)] // Ajaccio
    [InlineData(51.0344, 2.3768)] // Dunkerque
    public void Unprojecting_gives_the_point_back(double latitude, double longitude)
    {
        var (east, north) = Lambert93.Project(latitude, longitude);
        var back = Lambert93.Unproject(east, north);

        Assert.Equal(latitude, back.Latitude, 1e-9);
        Assert.Equal(longitude, back.Longitude, 1e-9);
    }

    [Fact]
    public void A_point_falls_in_the_square_of_its_coordinates_floored_to_the_kilometre()
    {
        // The Paris point above: E 652 709.401, N 6 859 290.946 → square E 652 000, N 6 859 000.
        var square = GridSquare.Of(Dms(48, 49, 54.977), Dms(2, 21, 20.812));

        Assert.Equal(new GridSquare(652_000, 6_859_000), square);
        Assert.Equal("CRS2154RES1000mN6859000E652000", square.Id);
        Assert.Equal(square, GridSquare.Parse(square.Id));
        Assert.Null(GridSquare.Parse("CRS3035RES1000mN2700000E3800000"));
        Assert.Null(GridSquare.Parse("CRS2154RES1000mN6859500E652000"));
    }

    [Fact]
    public void A_square_outline_runs_through_its_four_corners()
    {
        var outline = new GridSquare(652_000, 6_859_000).Outline();

        var corners = outline.Select(p => Lambert93.Project(p.Latitude, p.Longitude)).Select(c => (Math.Round(c.East, 3), Math.Round(c.North, 3))).ToList();
        Assert.Equal([(652_000d, 6_859_000d), (653_000d, 6_859_000d), (653_000d, 6_860_000d), (652_000d, 6_860_000d), (652_000d, 6_859_000d)], corners);
    }
}
