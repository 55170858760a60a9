using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Messages;
using static Enki.Tests.Nexsis.Formats.NexsisFixtures;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>The two CISU 2.0 XML distributions NexSIS sent in 2020 (SDIS 77, Chelles), field by field.</summary>
public class CisuXmlSampleTests
{
    private const string Burglary = "official/cisu-xml/4bc6d047-bf3f-439a-93ed-6f18b64eb579.xml";
    private const string Homicide = "official/cisu-xml/9a009967-00f6-480c-aa70-78ffe52221fc.xml";

    [Fact]
    public void Envelope_of_the_burglary_sample_is_real_traffic_from_sdis77()
    {
        var distribution = ReadSuccess(Burglary).Distribution;

        Assert.Equal("3d2fec39-bed0-4d74-b198-964aaf19f9ce", distribution.DistributionId);
        Assert.Equal("cga-pompier-sdis77", distribution.SenderId);
        Assert.Equal(At(2020, 11, 2, 15, 52, 45, 0), distribution.SentAt);
        Assert.Equal(TimeSpan.Zero, distribution.SentAt!.Value.Offset);
        Assert.Equal(TrafficKind.Actual, distribution.Traffic);
        Assert.False(distribution.IsExercise);
        Assert.True(distribution.IsRealTraffic);
        Assert.Equal("Report", distribution.Kind);
        Assert.Equal(PayloadFormat.CisuXml, distribution.Format);
    }

    [Fact]
    public void Burglary_sample_maps_to_a_case_in_Chelles()
    {
        var created = Single<CaseCreated>(Burglary);

        Assert.Equal("772e47b6-ac63-4c38-ad7a-3354dcfeb3e4", created.CaseId);
        Assert.Null(created.SenderCaseId);
        Assert.Equal(At(2020, 11, 2, 15, 52, 45, 0), created.CreatedAt);
        Assert.Equal(At(2020, 11, 2, 15, 52, 30, 0), created.ReportedAt);
        Assert.Equal("SEVERE", created.Severity);

        Assert.Equal("C03.03.00", created.NatureCode);
        Assert.Equal("Atteinte aux biens / animal|Cambriolage", created.NatureLabelAsSent);
        Assert.Equal("Cambriolage", created.Nature!.Label);
        Assert.Equal("C03.00.00", created.Nature.FamilyCode);
        Assert.Equal("Atteinte aux biens / animal", created.Nature.FamilyLabel);

        Assert.Equal("L04.03.00", created.LocationKindCode);
        Assert.Equal("Parc de stationnement ouvert au public", created.LocationKind!.Label);
        Assert.Equal("Lieu accueillant du public", created.LocationKind.FamilyLabel);
        Assert.Equal("M01.02", created.HealthMotiveCode);
        Assert.Empty(created.RiskThreatCodes);

        Assert.Equal(new CaseVictims(VictimCountEstimate.One, MainVictimKind.Pregnant), created.Victims);

        var location = created.Location;
        Assert.Equal("77108", location.InseeCode);
        Assert.Equal("Chelles", location.CityName);
        Assert.Equal("Chelles", location.AddressText);
        Assert.Equal(new GeoCoordinate(48.886622, 2.598313), location.Point);
        Assert.Equal("111fb03a-6fd9-41e0-8e81-990c45188888", location.LocationId);

        Assert.Equal(new CaseAlert("08b2f134-c11e-4b06-a2c0-c3851764f5a4", "STANDARD", "112"), created.Alert);
        Assert.False(created.Alert!.IsFlaggedForAttention);
        Assert.Equal("+33611223344", created.Caller!.Phone);
        Assert.Null(created.Caller.FullName);
        Assert.Empty(created.Notes);
    }

    [Fact]
    public void Homicide_sample_keeps_risks_in_order_comments_and_unknown_victims()
    {
        var read = ReadSuccess(Homicide);
        var created = Assert.IsType<CaseCreated>(Assert.Single(read.Messages));

        Assert.Equal("5d7312c3-d631-4608-a4f6-3a4b89961d8d", read.Distribution.DistributionId);
        Assert.Equal(At(2020, 11, 2, 16, 5, 29, 0), read.Distribution.SentAt);
        Assert.Equal("35d16209-88f8-4b28-9814-68855a64fc10", created.CaseId);
        Assert.Equal(At(2020, 11, 2, 16, 5, 11, 0), created.ReportedAt);
        Assert.Equal("C02.03.00", created.NatureCode);
        Assert.Equal("Homicide ou infanticide", created.Nature!.Label);
        Assert.Equal("Atteinte aux personnes", created.Nature.FamilyLabel);
        Assert.Equal("L02.03.03", created.LocationKindCode);
        Assert.Equal("Circulation/transport › Voie ferrée › Tunnel", created.LocationKind!.FullLabel);
        Assert.Equal(["R03", "R02", "R04"], created.RiskThreatCodes);
        Assert.Equal("M06.03", created.HealthMotiveCode);
        Assert.Equal(new CaseVictims(VictimCountEstimate.Unknown, null), created.Victims);
        Assert.Equal(
            [new CaseNote("Test", null, CaseNoteSource.NatureComment), new CaseNote("Test", null, CaseNoteSource.VictimsComment)],
            created.Notes);
        Assert.Equal("77108", created.Location.InseeCode);
    }
}
