using Enki.Domain.Access;
using Enki.Tests.Support;

namespace Enki.Tests.Access;

public sealed class JurisdictionTests
{
    private static readonly Territory Chelles = new("77108", "77", "PARIS");
    private static readonly Territory Guichen = new("35126", "35", "OUEST");

    [Theory]
    [InlineData("national", JurisdictionKind.National, null, "national", "National")]
    [InlineData("zone:PARIS", JurisdictionKind.Zone, "PARIS", "zone:PARIS", "Zone PARIS")]
    [InlineData("zone:ouest", JurisdictionKind.Zone, "OUEST", "zone:OUEST", "Zone OUEST")]
    [InlineData("departement:77", JurisdictionKind.Department, "77", "departement:77", "Département 77")]
    [InlineData("département:2a", JurisdictionKind.Department, "2A", "departement:2A", "Département 2A")]
    [InlineData(" commune:77108 ", JurisdictionKind.Commune, "77108", "commune:77108", "Commune 77108")]
    public void Parses_and_formats_each_kind(string text, JurisdictionKind kind, string? code, string formatted, string label)
    {
        var jurisdiction = Jurisdiction.Parse(text);

        Assert.Equal(kind, jurisdiction.Kind);
        Assert.Equal(code, jurisdiction.Code);
        Assert.Equal(formatted, jurisdiction.ToString());
        Assert.Equal(label, jurisdiction.Label);
        Assert.Equal(jurisdiction, Jurisdiction.Parse(jurisdiction.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("region:11")]
    [InlineData("commune:")]
    [InlineData("zone")]
    [InlineData("departement:7 7")]
    public void Refuses_unreadable_text(string text)
    {
        Assert.False(Jurisdiction.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Jurisdiction.Parse(text));
    }

    [Theory]
    [InlineData("national", true, true)]
    [InlineData("zone:PARIS", true, false)]
    [InlineData("zone:OUEST", false, true)]
    [InlineData("departement:77", true, false)]
    [InlineData("departement:35", false, true)]
    [InlineData("commune:77108", true, false)]
    [InlineData("commune:35126", false, true)]
    [InlineData("commune:77288", false, false)]
    public void Covers_exactly_the_places_inside(string jurisdiction, bool coversChelles, bool coversGuichen)
    {
        var j = Jurisdiction.Parse(jurisdiction);

        Assert.Equal(coversChelles, j.Covers(Chelles));
        Assert.Equal(coversGuichen, j.Covers(Guichen));
    }

    [Fact]
    public void Filter_expression_keeps_the_same_rows_as_covers_when_compiled()
    {
        var places = new[] { Chelles, Guichen, new Territory("77288", "77", "PARIS"), new Territory(null, null, "PARIS"), Territory.Nowhere };

        foreach (var text in new[] { "national", "zone:PARIS", "departement:77", "departement:35", "commune:77108" })
        {
            var j = Jurisdiction.Parse(text);
            var filtered = places.AsQueryable().Where(JurisdictionFilter.For<Territory>(j)).ToList();
            Assert.Equal(places.Where(j.Covers).ToList(), filtered);
        }
        Assert.Equal(2, places.AsQueryable().Where(JurisdictionFilter.For<Territory>(Jurisdiction.Department("77"))).Count());
    }

    [Fact]
    public void Territory_of_a_jurisdiction_is_completed_from_the_directory()
    {
        var directory = new TestTerritoryDirectory();

        Assert.Equal(new Territory("77108", "77", "PARIS"), Territory.Of(Jurisdiction.Commune("77108"), directory));
        Assert.Equal(new Territory(null, "35", "OUEST"), Territory.Of(Jurisdiction.Department("35"), directory));
        Assert.Equal(new Territory(null, null, "PARIS"), Territory.Of(Jurisdiction.Zone("PARIS"), directory));
        Assert.Equal(Territory.Nowhere, Territory.Of(Jurisdiction.National, directory));
    }
}

public sealed class AccessGrantTests
{
    private static readonly TestTerritoryDirectory Directory = new();
    private static readonly Viewer Admin = new("a", "Admin", Profile.Administrator, Jurisdiction.National);
    private static readonly Viewer Prefecture77 = new("p", "Préfecture 77", Profile.Prefecture, Jurisdiction.Department("77"));
    private static readonly Viewer Mayor = new("m", "Maire", Profile.Mayor, Jurisdiction.Commune("77108"));

    [Theory]
    [InlineData(Profile.Mayor, "commune:77108", true)]
    [InlineData(Profile.Mayor, "departement:77", false)]
    [InlineData(Profile.Prefecture, "departement:35", true)]
    [InlineData(Profile.Sdis, "departement:77", true)]
    [InlineData(Profile.Sdis, "zone:PARIS", false)]
    [InlineData(Profile.Coz, "zone:OUEST", true)]
    [InlineData(Profile.Coz, "national", false)]
    [InlineData(Profile.Cogic, "national", true)]
    [InlineData(Profile.Administrator, "national", true)]
    [InlineData(Profile.Administrator, "departement:77", false)]
    [InlineData(Profile.Mayor, "commune:99999", false)]
    [InlineData(Profile.Prefecture, "departement:99", false)]
    [InlineData(Profile.Coz, "zone:NULLEPART", false)]
    public void Administrator_grants_any_profile_with_its_kind_of_existing_jurisdiction(Profile profile, string jurisdiction, bool allowed)
    {
        var errors = AccessPolicy.GrantErrors(Admin, null, profile, Jurisdiction.Parse(jurisdiction), Directory);

        Assert.Equal(allowed, errors.Count == 0);
    }

    [Theory]
    [InlineData(Profile.Mayor, "commune:77108", true)]
    [InlineData(Profile.Mayor, "commune:35126", false)]
    [InlineData(Profile.Sdis, "departement:77", true)]
    [InlineData(Profile.Prefecture, "departement:35", false)]
    [InlineData(Profile.Coz, "zone:PARIS", false)]
    [InlineData(Profile.Cogic, "national", false)]
    [InlineData(Profile.Administrator, "national", false)]
    public void Prefecture_grants_only_local_profiles_inside_its_department(Profile profile, string jurisdiction, bool allowed)
    {
        var errors = AccessPolicy.GrantErrors(Prefecture77, null, profile, Jurisdiction.Parse(jurisdiction), Directory);

        Assert.Equal(allowed, errors.Count == 0);
    }

    [Fact]
    public void Mayor_grants_nothing_and_is_told_why_in_french()
    {
        var errors = AccessPolicy.GrantErrors(Mayor, null, Profile.Mayor, Jurisdiction.Commune("77108"), Directory);

        Assert.Equal(["Vous n'êtes pas habilité à gérer des comptes."], errors);
    }
}
