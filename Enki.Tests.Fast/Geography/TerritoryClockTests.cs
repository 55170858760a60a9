using Enki.Domain.Access;
using Enki.Domain.Geography;

namespace Enki.Tests.Geography;

/// <summary>One clock for every screen: a territory's dashboard, list filters and forms read the same zone.</summary>
[Collection(GeographyCollection.Name)]
public sealed class TerritoryClockTests(GeographyFixture fixture)
{
    private readonly FrenchGeography _geography = fixture.Geography;

    // 1 July 2026 12:00 UTC: summer in Paris (UTC+2).
    private static readonly DateTimeOffset Noon = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private TimeSpan Offset(Jurisdiction scope) => TerritoryClock.Local(Noon, TerritoryClock.ZoneOf(scope, _geography)).Offset;

    [Theory]
    [InlineData("ANTILLES", -4)]
    [InlineData("GUYANE", -3)]
    [InlineData("SOI", 4)]
    [InlineData("PARIS", 2)]
    [InlineData("OUEST", 2)]
    [InlineData("SUD", 2)]
    public void Each_defence_zone_reads_the_time_of_its_seat(string zone, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), Offset(Jurisdiction.Zone(zone)));

    [Fact]
    public void Every_overseas_zone_is_known_to_the_clock()
    {
        // A zone whose departments are all overseas must not fall back on Paris time.
        foreach (var zone in _geography.Zones)
        {
            var departments = _geography.DepartmentsOfZone(zone.Code);
            if (departments.Count == 0 || departments.Any(d => !TerritoryClock.IsOverseas(TerritoryClock.ZoneOf(d.Code)))) continue;
            Assert.True(TerritoryClock.IsOverseas(TerritoryClock.ZoneOf(Jurisdiction.Zone(zone.Code), _geography)), zone.Code);
        }
    }

    [Theory]
    [InlineData("971", -4)]
    [InlineData("972", -4)]
    [InlineData("973", -3)]
    [InlineData("974", 4)]
    [InlineData("976", 3)]
    [InlineData("77", 2)]
    public void Departments_and_their_communes_read_their_own_time(string department, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), Offset(Jurisdiction.Department(department)));
        var commune = _geography.CommunesOfDepartment(department)[0];
        Assert.Equal(TimeSpan.FromHours(hours), Offset(Jurisdiction.Commune(commune.InseeCode)));
    }

    [Fact]
    public void The_national_level_is_on_Paris_time() => Assert.Equal(TimeSpan.FromHours(2), Offset(Jurisdiction.National));

    [Fact]
    public void A_time_typed_in_a_form_is_read_in_the_territory_zone()
    {
        var reunion = TerritoryClock.ZoneOf(Jurisdiction.Department("974"), _geography);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero), TerritoryClock.FromLocal(new DateTime(2026, 7, 1, 10, 0, 0), reunion));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), TerritoryClock.FromLocal(new DateTime(2026, 7, 1, 10, 0, 0), TerritoryClock.Paris));
    }
}
