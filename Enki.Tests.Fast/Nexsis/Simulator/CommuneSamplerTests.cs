using Enki.Domain.Geography;
using Enki.Simulator;
using Enki.Tests.Geography;

namespace Enki.Tests.Nexsis.Simulator;

[Collection(GeographyCollection.Name)]
public sealed class CommuneSamplerTests(GeographyFixture fixture)
{
    private readonly FrenchGeography _geography = fixture.Geography;

    [Fact]
    public void OutlineOf_gives_the_outline_of_a_commune_and_null_for_an_unknown_code()
    {
        var chelles = _geography.OutlineOf("77108");

        Assert.NotNull(chelles);
        var inside = chelles.InteriorPoint;
        Assert.Equal("77108", _geography.LocateCommune(inside.Y, inside.X)?.InseeCode);
        Assert.Null(_geography.OutlineOf("99999"));
        Assert.Null(_geography.OutlineOf(null));
    }

    [Fact]
    public void Communes_are_drawn_by_population()
    {
        var sampler = new CommuneSampler(_geography);
        var random = new Random(7);

        var draws = Enumerable.Range(0, 20_000).Select(_ => sampler.DrawCommune("77", random)).ToList();
        var counts = draws.GroupBy(c => c.InseeCode).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(draws, c => Assert.Equal("77", c.DepartmentCode));
        // Chelles (54,620 inhabitants, lifted to 5 % as a demo commune) against Barbey (153 inhabitants).
        Assert.InRange(counts["77108"], 800, 1200);
        Assert.True(counts.GetValueOrDefault("77021") < 15, $"Barbey drawn {counts.GetValueOrDefault("77021")} times");
        // Meaux (56,905) and Melun (45,995): in proportion to their population, within sampling noise.
        var ratio = (double)counts["77284"] / counts["77288"];
        Assert.InRange(ratio, 1.0, 1.5);
    }

    [Fact]
    public void Guichen_gets_its_demo_share_of_Ille_et_Vilaine()
    {
        var sampler = new CommuneSampler(_geography);
        var random = new Random(11);

        var guichen = Enumerable.Range(0, 10_000).Count(_ => sampler.DrawCommune("35", random).InseeCode == "35126");

        Assert.InRange(guichen, 1_200, 1_600);
    }

    [Fact]
    public void Drawn_points_locate_the_commune_they_were_drawn_in()
    {
        var sampler = new CommuneSampler(_geography);
        var random = new Random(3);
        var communes = _geography.Communes.Where(c => _geography.OutlineOf(c.InseeCode) is not null).ToArray();

        foreach (var commune in Enumerable.Range(0, 400).Select(_ => communes[random.Next(communes.Length)]).Append(_geography.FindCommune("35126")!))
        {
            var (latitude, longitude) = sampler.DrawPoint(commune, random);
            Assert.Equal(commune.InseeCode, _geography.LocateCommune(latitude, longitude)?.InseeCode);
        }
    }

    [Fact]
    public void Unknown_departments_are_refused()
    {
        var sampler = new CommuneSampler(_geography);

        Assert.Throws<ArgumentException>(() => sampler.DrawCommune("00", new Random(1)));
    }
}
