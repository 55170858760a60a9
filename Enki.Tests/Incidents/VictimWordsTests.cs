using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Messages;
using Enki.Web.Components.Incidents.Shared;

namespace Enki.Tests.Incidents;

/// <summary>Victims as a mayor reads them: counts in words, the triage codes only behind them.</summary>
public sealed class VictimWordsTests
{
    [Fact]
    public void Counts_read_as_plain_french_with_singular_and_plural()
    {
        var victims = IncidentVictims.None with { Yellow = 1, Green = 2 };
        Assert.Equal("1 blessé léger, 2 impliqués", VictimWords.Plain(victims));
        Assert.Equal("1 décédé, 2 blessés graves", VictimWords.Plain(IncidentVictims.None with { Red = 2, Deceased = 1 }));
    }

    [Fact]
    public void Without_counts_the_first_estimate_is_said_in_words()
    {
        Assert.Equal("Plusieurs victimes (2 à 4)", VictimWords.Plain(IncidentVictims.None with { Estimate = VictimCountEstimate.Several }));
        Assert.Equal("Aucune victime signalée", VictimWords.Plain(IncidentVictims.None));
    }

    [Fact]
    public void The_codes_stay_behind_the_words()
    {
        var victims = IncidentVictims.None with { Red = 1, Yellow = 2 };
        Assert.DoesNotContain("UR", VictimWords.Plain(victims));
        Assert.Contains("UR (urgences relatives) 2", VictimWords.Codes(victims));
    }
}
