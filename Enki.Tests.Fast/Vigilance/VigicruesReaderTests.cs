using Enki.Domain.Geography;
using Enki.Domain.Vigilance;
using Enki.Infrastructure.Vigilance;
using Enki.Tests.Geography;
using NetTopologySuite.Geometries;

namespace Enki.Tests.Vigilance;

[Collection(GeographyCollection.Name)]
public sealed class VigicruesReaderTests(GeographyFixture fixture)
{
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 3, 5, 0, 0, TimeSpan.Zero);
    private readonly VigicruesReader _reader = new(new CommuneCrossings(fixture.Geography));

    [Fact]
    public void The_Marne_section_at_Chelles_is_orange_on_Chelles_in_Seine_et_Marne()
    {
        var readings = _reader.Read(VigilanceSamples.Vigicrues, ReadAt).Readings;

        var marne = Assert.Single(readings, r => r.AreaCode == "MA7");
        Assert.Equal(VigilanceSource.Vigicrues, marne.Source);
        Assert.Equal(("Marne à Chelles", "77", VigilancePhenomenon.Floods, "Crues", VigilanceColour.Orange, 0),
            (marne.AreaLabel, marne.DepartmentCode, marne.Phenomenon, marne.PhenomenonLabel, marne.Colour, marne.Day));
        Assert.Equal(["77108"], marne.CommuneCodes);
        Assert.Equal(ReadAt, marne.ValidFrom);
    }

    [Fact]
    public void Property_names_in_lower_case_and_levels_as_text_are_read_too()
    {
        var vilaine = Assert.Single(_reader.Read(VigilanceSamples.Vigicrues, ReadAt).Readings, r => r.AreaCode == "VI3");
        Assert.Equal(("Vilaine à Guichen", "35", VigilanceColour.Yellow), (vilaine.AreaLabel, vilaine.DepartmentCode, vilaine.Colour));
        Assert.Equal(["35126"], vilaine.CommuneCodes);
    }

    [Fact]
    public void A_section_without_a_level_is_left_out_and_reported()
    {
        var document = _reader.Read(VigilanceSamples.Vigicrues, ReadAt);
        Assert.Equal(2, document.Readings.Count);
        Assert.Equal(["tronçon sans code ou niveau (« XX1 »)"], document.Unknowns);
    }

    [Fact]
    public void A_long_line_crosses_the_communes_at_both_ends_and_none_far_from_it()
    {
        // Guichen (35126) to Chelles (77108): a straight line over three hundred kilometres crosses many departments.
        var line = new GeometryFactory().CreateLineString([new Coordinate(-1.795, 47.9675), new Coordinate(2.5905, 48.8796)]);
        var communes = new CommuneCrossings(fixture.Geography).Of(line);
        Assert.Contains(communes, c => c.InseeCode == "35126");
        Assert.Contains(communes, c => c.InseeCode == "77108");
        Assert.DoesNotContain(communes, c => c.DepartmentCode == "13");
    }

    [Theory]
    [InlineData("""{"type":"Feature","properties":{}}""")]
    [InlineData("not geojson")]
    public void A_document_that_is_not_a_collection_of_sections_is_refused(string text)
    {
        Assert.Throws<VigilanceDocumentRejected>(() => _reader.Read(text, ReadAt));
    }
}
