using Enki.Domain.Vigilance;
using Enki.Infrastructure.Vigilance;
using Enki.Tests.Geography;

namespace Enki.Tests.Vigilance;

[Collection(GeographyCollection.Name)]
public sealed class MeteoFranceVigilanceReaderTests(GeographyFixture fixture)
{
    private readonly MeteoFranceVigilanceReader _reader = new(fixture.Geography);

    private static readonly DateTimeOffset Dec3 = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ille_et_Vilaine_wind_is_orange_today_from_6_to_18_and_red_tomorrow()
    {
        var readings = _reader.Read(VigilanceSamples.MeteoFrance).Readings;

        var today = Assert.Single(readings, r => r.AreaCode == "35" && r.Phenomenon == VigilancePhenomenon.Wind && r.Day == 0);
        Assert.Equal(VigilanceColour.Orange, today.Colour);
        Assert.Equal("35", today.DepartmentCode);
        Assert.Equal("Ille-et-Vilaine", today.AreaLabel);
        Assert.Equal("Vent violent", today.PhenomenonLabel);
        Assert.Equal(Dec3.AddHours(6), today.ValidFrom);
        Assert.Equal(Dec3.AddHours(18), today.ValidTo);
        Assert.Empty(today.CommuneCodes);

        var tomorrow = Assert.Single(readings, r => r.AreaCode == "35" && r.Phenomenon == VigilancePhenomenon.Wind && r.Day == 1);
        Assert.Equal(VigilanceColour.Red, tomorrow.Colour);
        // No hours given: the period's validity.
        Assert.Equal(Dec3.AddDays(1), tomorrow.ValidFrom);
        Assert.Equal(Dec3.AddDays(2), tomorrow.ValidTo);
    }

    [Fact]
    public void Every_phenomenon_of_every_area_is_read_and_the_coast_belongs_to_its_department()
    {
        var readings = _reader.Read(VigilanceSamples.MeteoFrance).Readings;

        // 35: 3 phenomena, 3510: 1, 77: 2, ANDORRE: 1 today; 35: 1 tomorrow.
        Assert.Equal(8, readings.Count);
        var coast = Assert.Single(readings, r => r.AreaCode == "3510");
        Assert.Equal(("35", "Ille-et-Vilaine (littoral)", VigilancePhenomenon.WavesSubmersion, VigilanceColour.Orange),
            (coast.DepartmentCode, coast.AreaLabel, coast.Phenomenon, coast.Colour));
        var rainFlood = Assert.Single(readings, r => r.AreaCode == "35" && r.Phenomenon == VigilancePhenomenon.RainFlood);
        Assert.Equal(VigilanceColour.Yellow, rainFlood.Colour);
        Assert.Equal(
            [(VigilancePhenomenon.Wind, VigilanceColour.Yellow), (VigilancePhenomenon.Floods, VigilanceColour.Green)],
            readings.Where(r => r.DepartmentCode == "77").Select(r => (r.Phenomenon, r.Colour)).ToList());
    }

    [Fact]
    public void An_unknown_phenomenon_and_an_unknown_area_are_kept_with_their_own_codes_and_reported()
    {
        var document = _reader.Read(VigilanceSamples.MeteoFrance);

        var unknownPhenomenon = Assert.Single(document.Readings, r => r.Phenomenon == VigilancePhenomenon.Unknown);
        Assert.Equal(("Phénomène 12", "35", VigilanceColour.Green), (unknownPhenomenon.PhenomenonLabel, unknownPhenomenon.DepartmentCode, unknownPhenomenon.Colour));
        var andorra = Assert.Single(document.Readings, r => r.AreaCode == "ANDORRE");
        Assert.Null(andorra.DepartmentCode);
        Assert.Equal("ANDORRE", andorra.AreaLabel);
        Assert.Equal(["phénomène inconnu « 12 »", "zone inconnue « ANDORRE »"], document.Unknowns.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("meteofrance-malformed.json", "Couleur hors de 1 à 4 pour le phénomène 1 de « 35 ».")]
    public void A_colour_outside_the_scale_refuses_the_whole_document_with_its_reason(string sample, string reason)
    {
        var refused = Assert.Throws<VigilanceDocumentRejected>(() => _reader.Read(VigilanceSamples.Read(sample)));
        Assert.Equal(reason, refused.Message);
    }

    [Theory]
    [InlineData("""{"product":{}}""", "Pas de liste « periods » dans « product ».")]
    [InlineData("""{"periods":[]}""", "Pas d'objet « product » : ce n'est pas une carte de vigilance.")]
    [InlineData("""{"product":{"periods":[{"echeance":"J"}]}}""", "Échéance J sans « timelaps.domain_ids ».")]
    public void A_document_without_the_documented_shape_is_refused(string json, string reason)
    {
        Assert.Equal(reason, Assert.Throws<VigilanceDocumentRejected>(() => _reader.Read(json)).Message);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        Assert.StartsWith("JSON illisible", Assert.Throws<VigilanceDocumentRejected>(() => _reader.Read("<html>503</html>")).Message);
    }
}
