using Enki.Infrastructure.Nexsis.Nomenclature;

namespace Enki.Tests.Nexsis;

/// <summary>The code lists' labels are read by people: capitals keep their accents (« À l'extérieur », « École »).</summary>
public sealed class NomenclatureAccentsTests
{
    [Fact]
    public void Place_kinds_read_with_their_accents()
    {
        Assert.Equal("À l'extérieur", NexsisNomenclature.Label(NomenclatureList.LocationKind, "L01.01.02"));
        Assert.Equal("École maternelle et élémentaire", NexsisNomenclature.Label(NomenclatureList.LocationKind, "L04.13.01"));
    }

    [Fact]
    public void No_label_starts_with_an_unaccented_capital_that_French_accents()
    {
        var unaccented = new System.Text.RegularExpressions.Regex(@"(^|\| )(A |Ecole|Echouement|Ecrasement|Electrisation|Etablissement|Etouffement)");
        using var stream = typeof(NexsisNomenclature).Assembly.GetManifestResourceStream("Enki.Infrastructure.Nexsis.Nomenclature.nomenclatures.tsv")!;
        var labels = new StreamReader(stream).ReadToEnd().Split('\n')
            .Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).Where(p => p.Length == 3).Select(p => p[2]);
        Assert.DoesNotContain(labels, l => unaccented.IsMatch(l));
    }
}
