using Enki.Web.Components.Crises.Logbook;

namespace Enki.Tests.Crises;

public sealed class LogbookTextTests
{
    [Fact]
    public void A_quoted_case_id_becomes_its_own_part_and_the_words_around_it_stay()
    {
        var parts = LogbookText.Parts("Incident rattaché : Inondation à Chelles (fr.fire.sis077.cga-077.E2E-INOND)");
        Assert.Equal(
            [new("Incident rattaché : Inondation à Chelles (", false), new("fr.fire.sis077.cga-077.E2E-INOND", true), new(")", false)],
            parts);
    }

    [Theory]
    [InlineData("Point presse à 18 h en mairie.")]
    [InlineData("Montée de la Marne (40 cm) depuis 6 h.")]
    [InlineData("Voir www.vigicrues.gouv.fr pour la suite.")]
    public void Ordinary_text_is_left_whole(string text) =>
        Assert.Equal([new LogbookText.Part(text, false)], LogbookText.Parts(text));
}
