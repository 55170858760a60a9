using Enki.Domain.Access;
using Enki.Domain.Geography;

namespace Enki.Tests.Geography;

[Collection(GeographyCollection.Name)]
public sealed class TerritorySearchTests(GeographyFixture fixture)
{
    private readonly FrenchGeography _geography = fixture.Geography;

    private List<Jurisdiction> Find(string text, bool wide = false) => TerritorySearch.Find(_geography, text, wide).Take(20).ToList();

    [Fact]
    public void A_commune_is_found_by_its_name_or_its_insee_code()
    {
        Assert.Equal(Jurisdiction.Commune("77108"), Find("Chelles")[0]);
        Assert.Equal(Jurisdiction.Commune("77108"), Find("77108").Single());
    }

    [Fact]
    public void The_exact_name_comes_first_then_names_starting_with_the_text_then_the_others()
    {
        Assert.Equal(Jurisdiction.Department("77"), Find("seine-et-marne")[0]);

        var saintDenis = Find("Saint-Denis");
        // The most populated Saint-Denis first: La Réunion's, then Seine-Saint-Denis's, then the villages;
        // the department that merely contains the name after every exact and starting match.
        Assert.Equal(["97411", "93066"], saintDenis.Take(2).Select(j => j.Code));
        Assert.Contains(Jurisdiction.Department("93"), TerritorySearch.Find(_geography, "Saint-Denis", false));
        var meaux = Find("Meaux");
        Assert.Equal(Jurisdiction.Commune("77284"), meaux[0]);
        Assert.True(meaux.IndexOf(Jurisdiction.Commune("77143")) > 0); // Crégy-lès-Meaux, after
    }

    [Theory]
    [InlineData("saint denis")]
    [InlineData("SAINT-DENIS")]
    [InlineData("saint-dénis")]
    [InlineData("Saint  Denis")]
    public void Accents_case_hyphens_and_spaces_are_ignored(string typed) =>
        Assert.Equal("97411", Find(typed)[0].Code);

    [Fact]
    public void Homonyms_are_told_apart_by_their_department()
    {
        var chelles = _geography.Communes.Where(c => c.Name == "Chelles").Select(c => PlaceLabel.Of(c, _geography)).Order().ToList();
        Assert.Equal(["Chelles (Oise)", "Chelles (Seine-et-Marne)"], chelles);
    }

    [Fact]
    public void A_picker_ranks_its_own_list_the_same_way()
    {
        var communes = _geography.CommunesOfDepartment("77");
        var found = PlaceSearch.Find(communes, "meaux", c => c.Name, c => c.InseeCode, c => c.Population).Select(c => c.Name).ToList();
        Assert.Equal("Meaux", found[0]);
        Assert.Contains("Crégy-lès-Meaux", found);
        Assert.Equal("Nanteuil-lès-Meaux", PlaceSearch.Find(communes, "nanteuil les", c => c.Name).First().Name);
    }

    [Fact]
    public void Zones_and_the_national_level_only_when_asked()
    {
        Assert.DoesNotContain(Find("Paris"), j => j.Kind == JurisdictionKind.Zone);
        Assert.Contains(Find("Paris", wide: true), j => j.Kind == JurisdictionKind.Zone);
        Assert.Equal(Jurisdiction.National, Find("national", wide: true)[0]);
        Assert.DoesNotContain(Jurisdiction.National, Find("national"));
    }

    [Fact]
    public void Fewer_than_two_characters_find_nothing() => Assert.Empty(Find("C"));
}
