using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Tests.Geography;
using Enki.Web.Live;

namespace Enki.Tests.Dashboard;

[Collection(GeographyCollection.Name)]
public sealed class TerritoryScopeTests(GeographyFixture geography)
{
    private readonly TerritoryScope _scopes = new(new GeographyTerritoryDirectory(geography.Geography));

    private static Viewer With(Jurisdiction jurisdiction) => new("id", "name", null, jurisdiction);

    [Theory]
    [InlineData("zone:PARIS", "departement", "77", true)]
    [InlineData("zone:PARIS", "commune", "77108", true)]
    [InlineData("zone:PARIS", "zone", "PARIS", true)]
    [InlineData("zone:PARIS", "departement", "35", false)]
    [InlineData("zone:PARIS", "national", null, false)]
    [InlineData("departement:77", "commune", "77108", true)]
    [InlineData("departement:77", "commune", "35126", false)]
    [InlineData("commune:77108", "commune", "77108", true)]
    [InlineData("commune:77108", "departement", "77", false)]
    [InlineData("commune:77108", "commune", "77109", false)]
    [InlineData("national", "commune", "35126", true)]
    [InlineData("national", "departement", "99", false)]
    [InlineData("national", "quartier", "12", false)]
    public void A_person_may_look_anywhere_inside_their_jurisdiction_and_nowhere_else(string jurisdiction, string kind, string? code, bool allowed)
    {
        var scope = _scopes.Resolve(With(Jurisdiction.Parse(jurisdiction)), kind, code);

        Assert.Equal(allowed, scope is not null);
    }

    [Theory]
    [InlineData("national")]
    [InlineData("zone:PARIS")]
    [InlineData("departement:77")]
    [InlineData("commune:77108")]
    public void Route_segments_round_trip(string text)
    {
        var scope = Jurisdiction.Parse(text);
        var segments = TerritoryScope.Segments(scope).Split('/');

        Assert.Equal(scope, TerritoryScope.Parse(segments[0], segments.ElementAtOrDefault(1)));
    }
}
