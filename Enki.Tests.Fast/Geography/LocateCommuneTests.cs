using Enki.Domain.Geography;

namespace Enki.Tests.Geography;

[Collection(GeographyCollection.Name)]
public sealed class LocateCommuneTests(GeographyFixture fixture)
{
    private readonly FrenchGeography _geography = fixture.Geography;

    [Theory]
    [InlineData(48.8786, 2.5914, "77108", "Chelles")]
    [InlineData(47.9670, -1.7950, "35126", "Guichen")]
    [InlineData(48.8530, 2.3499, "75056", "Paris")] // Notre-Dame: outlines carry the whole city, not its arrondissements
    [InlineData(43.2965, 5.3698, "13055", "Marseille")]
    [InlineData(41.9192, 8.7386, "2A004", "Ajaccio")]
    public void Locates_metropolitan_communes(double latitude, double longitude, string inseeCode, string name)
    {
        var commune = _geography.LocateCommune(latitude, longitude);

        Assert.Equal(inseeCode, commune?.InseeCode);
        Assert.Equal(name, commune?.Name);
    }

    [Theory]
    [InlineData(15.9985, -61.7255, "97105", "Basse-Terre", "ANTILLES")]
    [InlineData(-20.9000, 55.4500, "97411", "Saint-Denis", "SOI")]
    [InlineData(4.9372, -52.3260, "97302", "Cayenne", "GUYANE")]
    public void Locates_overseas_communes_and_their_zone(double latitude, double longitude, string inseeCode, string name, string zoneCode)
    {
        var commune = _geography.LocateCommune(latitude, longitude);

        Assert.Equal(inseeCode, commune?.InseeCode);
        Assert.Equal(name, commune?.Name);
        Assert.Equal(zoneCode, _geography.ZoneOf(commune)?.Code);
    }

    [Fact]
    public void A_point_in_a_commune_merged_since_2018_resolves_to_the_current_commune()
    {
        // Inside the former commune of Rocquencourt (78524), part of Le Chesnay-Rocquencourt since 2019.
        var commune = _geography.LocateCommune(48.8329, 2.1062);

        Assert.Equal("78158", commune?.InseeCode);
    }

    [Theory]
    [InlineData(46.0, -3.0)] // Bay of Biscay
    [InlineData(43.0, 6.0)] // Mediterranean, off Toulon
    [InlineData(40.4168, -3.7038)] // Madrid
    [InlineData(50.8503, 4.3517)] // Brussels
    [InlineData(0.0, 0.0)]
    [InlineData(double.NaN, 2.5)]
    [InlineData(48.0, double.PositiveInfinity)]
    [InlineData(95.0, 2.5)]
    public void Points_outside_France_or_invalid_give_no_commune(double latitude, double longitude)
    {
        Assert.Null(_geography.LocateCommune(latitude, longitude));
    }

    [Fact]
    public void Concurrent_lookups_agree_with_sequential_ones()
    {
        var random = new Random(42);
        var points = Enumerable.Range(0, 2_000)
            .Select(_ => (Lat: 43.0 + random.NextDouble() * 6, Lon: -1.0 + random.NextDouble() * 7))
            .ToArray();
        var concurrent = new string?[points.Length];

        Parallel.For(0, points.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => concurrent[i] = _geography.LocateCommune(points[i].Lat, points[i].Lon)?.InseeCode);

        var sequential = points.Select(p => _geography.LocateCommune(p.Lat, p.Lon)?.InseeCode).ToArray();
        Assert.Equal(sequential, concurrent);
        Assert.True(sequential.Count(c => c is not null) > 1_900, "this box lies almost entirely inland");
    }
}
