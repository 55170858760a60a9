using Enki.Domain.Geography;

namespace Enki.Tests.Geography;

[Collection(GeographyCollection.Name)]
public sealed class FrenchGeographyLookupTests(GeographyFixture fixture)
{
    private readonly FrenchGeography _geography = fixture.Geography;

    [Fact]
    public void Chelles_is_in_Seine_et_Marne_and_the_Paris_zone()
    {
        var chelles = _geography.FindCommune("77108");

        Assert.NotNull(chelles);
        Assert.Equal("Chelles", chelles.Name);
        Assert.Equal("11", chelles.RegionCode);
        Assert.True(chelles.Population > 50_000);
        Assert.Equal("77", _geography.DepartmentOf(chelles).Code);
        Assert.Equal("Seine-et-Marne", _geography.DepartmentOf(chelles).Name);
        Assert.Equal("PARIS", _geography.ZoneOf(chelles)?.Code);
    }

    [Fact]
    public void Guichen_is_in_Ille_et_Vilaine_and_the_West_zone()
    {
        var guichen = _geography.FindCommune("35126");

        Assert.NotNull(guichen);
        Assert.Equal("Guichen", guichen.Name);
        Assert.Equal("35", _geography.DepartmentOf(guichen).Code);
        var zone = _geography.ZoneOf(guichen);
        Assert.Equal("OUEST", zone?.Code);
        Assert.Equal("Rennes", zone?.Seat);
    }

    [Fact]
    public void Counts_match_the_2026_official_geographic_code()
    {
        Assert.Equal(10, _geography.Zones.Count);
        Assert.Equal(7, _geography.Zones.Count(z => _geography.DepartmentsOfZone(z.Code).All(d => d.Code.Length == 2)));
        Assert.Equal(["ANTILLES", "GUYANE", "SOI"], _geography.Zones.Where(z => _geography.DepartmentsOfZone(z.Code).All(d => d.Code.Length == 3)).Select(z => z.Code));
        Assert.Equal(26, _geography.Regions.Count); // 18 regions + 8 overseas collectivities listed as regions
        Assert.Equal(109, _geography.Departments.Count); // 101 departments + 8 overseas collectivities
        Assert.Equal(101, _geography.Departments.Count(d => d.ZoneCode.Length > 0));
        Assert.Equal(34_969, _geography.Communes.Count);
    }

    [Fact]
    public void Paris_zone_has_the_eight_departments_of_Ile_de_France()
    {
        Assert.Equal(
            ["75", "77", "78", "91", "92", "93", "94", "95"],
            _geography.DepartmentsOfZone("PARIS").Select(d => d.Code));
        Assert.Equal(_geography.DepartmentsOfZone("paris"), _geography.DepartmentsOfZone(" PARIS "));
    }

    [Fact]
    public void Communes_of_a_zone_are_those_of_its_departments()
    {
        var paris = _geography.CommunesOfZone("PARIS");

        Assert.Equal(
            _geography.DepartmentsOfZone("PARIS").Sum(d => _geography.CommunesOfDepartment(d.Code).Count),
            paris.Count);
        Assert.Contains(paris, c => c.InseeCode == "77108");
        Assert.DoesNotContain(paris, c => c.InseeCode == "35126");
        Assert.Equal("Paris", Assert.Single(_geography.CommunesOfDepartment("75")).Name);
    }

    [Fact]
    public void Corsican_codes_are_found_whatever_their_case()
    {
        Assert.Equal("Ajaccio", _geography.FindCommune("2a004")?.Name);
        Assert.Equal("Corse-du-Sud", _geography.FindDepartment("2A")?.Name);
        Assert.Equal("SUD", _geography.ZoneOf(_geography.FindCommune("2A004"))?.Code);
    }

    [Fact]
    public void Overseas_collectivities_outside_the_zone_table_have_no_zone()
    {
        var saintPierre = _geography.CommunesOfDepartment("975")[0];

        Assert.Equal("975", _geography.DepartmentOf(saintPierre).Code);
        Assert.Null(_geography.ZoneOf(saintPierre));
        Assert.Empty(_geography.DepartmentsOfZone(""));
    }

    [Fact]
    public void Municipal_arrondissements_and_merged_communes_are_not_current_communes()
    {
        Assert.Null(_geography.FindCommune("75101")); // Paris 1er: the commune is 75056
        Assert.Null(_geography.FindCommune("78524")); // Rocquencourt, merged into Le Chesnay-Rocquencourt in 2019
        Assert.Equal("Le Chesnay-Rocquencourt", _geography.FindCommune("78158")?.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("99999")]
    [InlineData("Chelles")]
    public void Blank_or_unknown_codes_give_no_result(string? code)
    {
        Assert.Null(_geography.FindCommune(code));
        Assert.Null(_geography.FindDepartment(code));
        Assert.Null(_geography.FindZone(code));
        Assert.Empty(_geography.DepartmentsOfZone(code));
        Assert.Empty(_geography.CommunesOfZone(code));
        Assert.Empty(_geography.CommunesOfDepartment(code));
        Assert.Null(_geography.ZoneOf(null));
    }
}
