using Enki.Domain.Geography;

namespace Enki.Tests.Geography;

[Collection(GeographyCollection.Name)]
public sealed class ZoneSummaryTests(GeographyFixture fixture)
{
    [Fact]
    public void Zone_summaries_add_up_to_the_communes_and_departments_in_zones()
    {
        var geography = fixture.Geography;

        var summaries = ZoneSummary.Of(geography);

        Assert.Equal(10, summaries.Count);
        Assert.Equal(geography.Departments.Count(d => d.ZoneCode.Length > 0), summaries.Sum(s => s.Departments));
        var paris = summaries.Single(s => s.Zone.Code == "PARIS");
        Assert.Equal(8, paris.Departments);
        Assert.Equal(geography.Communes.Where(c => geography.DepartmentOf(c).ZoneCode == "PARIS").Sum(c => (long)c.Population), paris.Population);
        Assert.Equal(summaries.OrderByDescending(s => s.Population).Select(s => s.Zone.Code), summaries.Select(s => s.Zone.Code));
    }
}
