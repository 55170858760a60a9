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
    public void Departments_come_before_communes_and_names_starting_with_the_text_before_the_others()
    {
        var found = Find("seine-et-marne");
        Assert.Equal(Jurisdiction.Departement("77"), found[0]);

        var saintDenis = Find("Saint-Denis");
        Assert.Equal(Jurisdiction.Departement("93"), saintDenis[0]); // Seine-Saint-Denis
        // The most populated Saint-Denis first: La Réunion's, then Seine-Saint-Denis's, then the villages.
        Assert.Equal(["97411", "93066"], saintDenis.Where(j => j.Kind == JurisdictionKind.Commune).Take(2).Select(j => j.Code));
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
