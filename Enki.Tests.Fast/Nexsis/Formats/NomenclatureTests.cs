using Enki.Infrastructure.Nexsis.Messages;
using Enki.Infrastructure.Nexsis.Nomenclature;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>The code lists embedded in Enki.Domain (no access to the shared reference folder).</summary>
public class NomenclatureTests
{
    [Theory]
    [InlineData(NomenclatureList.NatureOfFact, 294)]
    [InlineData(NomenclatureList.LocationKind, 179)]
    [InlineData(NomenclatureList.HealthMotive, 52)]
    [InlineData(NomenclatureList.RiskThreat, 37)]
    [InlineData(NomenclatureList.EmsiEventStatus, 4)]
    [InlineData(NomenclatureList.EmsiScale, 5)]
    [InlineData(NomenclatureList.ResourceStatus, 18)]
    [InlineData(NomenclatureList.EmsiResourceStatus, 7)]
    public void Every_list_is_embedded(NomenclatureList list, int count) =>
        Assert.Equal(count, NexsisNomenclature.Count(list));

    [Fact]
    public void The_eleven_nature_families_are_known()
    {
        var families = Enumerable.Range(1, 11).Select(i => NexsisNomenclature.NatureOfFact($"C{i:00}.00.00")).ToArray();

        Assert.All(families, f => Assert.NotNull(f));
        Assert.Equal("Incendie", families[3]!.Label);
        Assert.Null(families[3]!.FamilyCode);
        Assert.Equal("Autre nature de fait", families[10]!.Label);
    }

    [Fact]
    public void Unknown_or_missing_codes_give_null()
    {
        Assert.Null(NexsisNomenclature.NatureOfFact("C99.99.99"));
        Assert.Null(NexsisNomenclature.NatureOfFact(null));
        Assert.Null(NexsisNomenclature.LocationKind("L99.00.00"));
        Assert.Null(NexsisNomenclature.Label(NomenclatureList.ResourceStatus, "EN-ROUTE"));
        Assert.Null(NexsisNomenclature.Label(NomenclatureList.EmsiEventStatus, "FINI"));
    }

    [Fact]
    public void Labels_are_french()
    {
        Assert.Equal("En cours", NexsisNomenclature.Label(NomenclatureList.EmsiEventStatus, "IPR"));
        Assert.Equal("Complétée", NexsisNomenclature.Label(NomenclatureList.EmsiEventStatus, "COM"));
        Assert.Equal("Niveau 5", NexsisNomenclature.Label(NomenclatureList.EmsiScale, "5"));
        Assert.Equal("Rentré à la base", NexsisNomenclature.Label(NomenclatureList.ResourceStatus, "REN-BASE"));
        Assert.Equal("Risque d'explosion, présence de gaz", NexsisNomenclature.Label(NomenclatureList.RiskThreat, "R13"));
        Assert.Equal("Suspicion d’arrêt cardiaque, mort subite", NexsisNomenclature.HealthMotive("M01.01")!.Label);
        Assert.Equal("Détresse vitale", NexsisNomenclature.HealthMotive("M01.01")!.FamilyLabel);
    }

    [Fact]
    public void The_duplicated_C02_14_codes_of_the_source_keep_both_labels()
    {
        Assert.Equal("Atteinte sexuelle | Agression ou violence", NexsisNomenclature.NatureOfFact("C02.14.00")!.Label);
        Assert.Equal("Voie de fait", NexsisNomenclature.NatureOfFact("C02.14.05")!.Label);
    }

    [Theory]
    [InlineData("Actual", TrafficKind.Actual)]
    [InlineData("ACTUAL", TrafficKind.Actual)]
    [InlineData("Exercise", TrafficKind.Exercise)]
    [InlineData("EXERCS", TrafficKind.Exercise)]
    [InlineData("EXCERCS", TrafficKind.Exercise)]
    [InlineData("TEST", TrafficKind.Test)]
    [InlineData("System", TrafficKind.System)]
    public void Traffic_words_of_every_format_are_understood(string word, TrafficKind expected) =>
        Assert.Equal(expected, TrafficKinds.Parse(word));

    [Theory]
    [InlineData(TrafficKind.Actual, TrafficKind.Exercise, TrafficKind.Exercise)]
    [InlineData(TrafficKind.Exercise, TrafficKind.Actual, TrafficKind.Exercise)]
    [InlineData(TrafficKind.Test, TrafficKind.Exercise, TrafficKind.Test)]
    [InlineData(TrafficKind.Unspecified, TrafficKind.Actual, TrafficKind.Actual)]
    [InlineData(TrafficKind.Unspecified, TrafficKind.Unspecified, TrafficKind.Unspecified)]
    public void A_non_real_status_always_wins(TrafficKind first, TrafficKind second, TrafficKind expected) =>
        Assert.Equal(expected, TrafficKinds.Combine(first, second));

    [Theory]
    [InlineData(48.886622, 2.598313, true)] // Chelles
    [InlineData(42.7, 9.45, true)] // Bastia
    [InlineData(16.24, -61.53, true)] // Pointe-à-Pitre
    [InlineData(4.93, -52.33, true)] // Cayenne
    [InlineData(-12.78, 45.23, true)] // Mamoudzou
    [InlineData(-22.27, 166.45, true)] // Nouméa
    [InlineData(0, 0, false)]
    [InlineData(40.4, -3.7, false)] // Madrid
    [InlineData(52.52, 13.4, false)] // Berlin
    public void French_territory_boxes(double latitude, double longitude, bool inside) =>
        Assert.Equal(inside, FrenchTerritory.Contains(latitude, longitude));
}
