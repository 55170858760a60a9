using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Messages;
using static Enki.Tests.Nexsis.Formats.NexsisFixtures;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>The official RC-EDA createCase samples (bare messages, no envelope), field by field.</summary>
public class RcEdaSampleTests
{
    private const string Fire = "official/hub-json/RC-EDA_Incendie_RaymondeLECCIA.01.json";
    private const string GasLeak = "official/hub-json/RC-EDA-FuiteDeGaz-AliceGregoireNormand.01.json";

    [Fact]
    public void A_bare_message_has_no_envelope_data_and_unspecified_traffic()
    {
        var distribution = ReadSuccess(Fire).Distribution;

        Assert.Equal(new InboundDistribution(null, null, null, TrafficKind.Unspecified, null, PayloadFormat.HubJson), distribution);
        Assert.False(distribution.IsExercise);
        Assert.False(distribution.IsRealTraffic);
    }

    [Fact]
    public void Fire_sample_maps_case_nature_victims_and_times()
    {
        var created = Single<CaseCreated>(Fire);

        Assert.Equal(
            ("fr.fire.CGA_national.SC-20240813-CGA_national-AT517", "SC-20240813-XXX-cga-AT517", At(2024, 8, 13, 10, 20, 0, 2)),
            (created.CaseId, created.SenderCaseId, created.CreatedAt));
        Assert.Equal(TimeSpan.FromHours(2), created.CreatedAt.Offset);
        Assert.Equal(At(2024, 8, 13, 10, 20, 0, 2), created.ReportedAt);
        Assert.Equal("C04.02.01", created.NatureCode);
        Assert.Equal("Incendie - Bâtiment d'habitation", created.NatureLabelAsSent);
        Assert.Equal("Bâtiment d’habitation", created.Nature!.Label);
        Assert.Equal("Incendie d'un bâtiment / local", created.Nature.GroupLabel);
        Assert.Equal("C04.00.00", created.Nature.FamilyCode);
        Assert.Equal("Incendie", created.Nature.FamilyLabel);
        Assert.Equal("L01.01.01", created.LocationKindCode);
        Assert.Equal("M01.01", created.HealthMotiveCode);
        Assert.Empty(created.RiskThreatCodes);
        Assert.Null(created.Severity);
        // The case-level qualification says NON DEFINI; the initial alert's own qualification (INCONNU) is not used.
        Assert.Equal(new CaseVictims(VictimCountEstimate.NotDefined, MainVictimKind.Adult), created.Victims);
        Assert.Equal(new CaseAlert("CGAXXX-20240813-AT517", "STANDARD", null), created.Alert);
    }

    [Fact]
    public void Fire_sample_keeps_the_postal_code_sent_in_the_insee_field()
    {
        var location = Single<CaseCreated>(Fire).Location;

        // 35580 is Guichen's postal code (its INSEE code is 35126): kept as given, the connector decides.
        Assert.Equal("35580", location.InseeCode);
        Assert.Equal("Guichen", location.CityName);
        Assert.Equal("rue de la république", location.AddressText);
        Assert.Equal("19", location.StreetNumber);
        Assert.Equal("Maison pavillonaire", location.LocationName);
        Assert.Equal("Première maison au croisement avec le chemin qui descend vers le lotissement", location.Note);
        Assert.Equal(new GeoCoordinate(47.9657986, -1.7901215), location.Point);
        Assert.Equal("ADRESSE", location.Precision);
        Assert.Equal("111fb03a-6fd9-41e0-8e81-990c05031711", location.LocationId);
        Assert.Equal("FR", location.Country);
    }

    [Fact]
    public void Fire_sample_keeps_notes_and_the_caller_apart()
    {
        var created = Single<CaseCreated>(Fire);

        Assert.Equal(
            new CallerContact("Christine Michel", "Christine", "Michel", "+33608310965", "+33608310965", "TIERS", "Voisine", "fr"),
            created.Caller);
        Assert.Equal(2, created.Notes.Count);
        Assert.Equal(CaseNoteSource.AlertNote, created.Notes[0].Source);
        Assert.StartsWith("Christine MICHEL a déclaré un incendie", created.Notes[0].Text);
        Assert.Equal(At(2024, 8, 13, 10, 20, 0, 2), created.Notes[0].WrittenAt);
        Assert.Equal(
            new CaseNote("Jeune femme d'une trentaine d'années, inanimée, a priori Raymonde LECCIA la propriétaire des lieux", null, CaseNoteSource.VictimsComment),
            created.Notes[1]);
    }

    [Fact]
    public void Gas_leak_sample_maps_field_by_field()
    {
        var created = Single<CaseCreated>(GasLeak);

        Assert.Equal(
            ("fr.health.samu440.DRFR154402413800236", "DRFR154402413800236", At(2024, 5, 18, 18, 15, 0, 2)),
            (created.CaseId, created.SenderCaseId, created.CreatedAt));
        // Quirk kept as sent: the alert reception is six months before the case creation.
        Assert.Equal(At(2023, 11, 18, 18, 15, 0, 1), created.ReportedAt);
        Assert.Equal("C09.03.00", created.NatureCode);
        Assert.Equal("Fuite de gaz", created.Nature!.Label);
        Assert.Equal("Aléas technologique ou technique", created.Nature.FamilyLabel);
        Assert.Equal(["R13"], created.RiskThreatCodes);
        Assert.Equal("M03.10", created.HealthMotiveCode);
        Assert.Equal(new CaseVictims(VictimCountEstimate.Several, MainVictimKind.Child), created.Victims);
        Assert.True(created.Alert!.IsFlaggedForAttention);
        Assert.Equal("samu440-20240518-AL0192", created.Alert.AlertId);

        // The case location, not the initial alert's (47.146089, -1.691374).
        Assert.Equal(new GeoCoordinate(47.147005, -1.690548), created.Location.Point);
        Assert.Equal("44018", created.Location.InseeCode);
        Assert.Equal("Bouaye", created.Location.CityName);
        Assert.Equal("Rue des Marins", created.Location.AddressText);
        Assert.Equal("3", created.Location.StreetNumber);
        Assert.Equal("Maison aux volets verts", created.Location.Note);

        Assert.Equal("Marie Dubois", created.Caller!.FullName);
        Assert.Equal("+33671830523", created.Caller.Phone);
        Assert.Equal("FAMILLE", created.Caller.CallerType);
        Assert.Equal("Mère des enfants", created.Caller.Relation);
        Assert.Equal(
            new CaseNote("Les enfants se plaignent de maux de tête depuis 1h, la mère n'a aucun symptômes", At(2024, 5, 18, 18, 17, 0, 2), CaseNoteSource.AlertNote),
            Assert.Single(created.Notes));
    }
}
