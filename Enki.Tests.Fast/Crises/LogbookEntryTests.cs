using Enki.Domain.Crises;
using Enki.Domain.Logbook;

namespace Enki.Tests.Crises;

public sealed class LogbookEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Tags_are_normalised_and_time_is_utc()
    {
        var entry = LogbookEntry.Write(Guid.NewGuid(), "sdis77", "CODIS 77", "SDIS 77", LogbookEntryKind.Action,
            "  Évacuation du quai  ", ["Évacuation, Marne", "évacuation", " "], null, At);

        Assert.Equal("Évacuation du quai", entry.Text);
        Assert.Equal(["évacuation", "marne"], entry.Tags);
        Assert.Equal("|évacuation|marne|", entry.TagList);
        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Equal(At, entry.At);
    }

    [Fact]
    public void Empty_text_is_refused_in_french()
    {
        var refused = Assert.Throws<CrisisRefused>(() =>
            LogbookEntry.Write(Guid.NewGuid(), "a", "A", null, LogbookEntryKind.Information, "  ", null, null, At));
        Assert.Equal("Le texte de l'entrée est obligatoire.", refused.Message);
    }
}
