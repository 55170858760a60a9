using Bunit;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Warnings;
using Enki.Tests.Support;
using Enki.Web.Components.Warnings;

namespace Enki.Tests.Warnings;

/// <summary>A line of the notification centre: one tap acknowledges; once done, who and when (Paris time).</summary>
public sealed class WarningCardTests : MudBunitContext
{
    private static readonly DateTimeOffset Raised = new(2026, 11, 29, 2, 55, 0, TimeSpan.Zero);

    private static WarningLine Line(DateTimeOffset? acknowledgedAt = null, DeliveryState? mine = DeliveryState.Sent) =>
        new(Guid.NewGuid(), "Victimes à Chelles : au moins une urgence absolue", "1 urgence absolue", true, Raised, "77", mine,
            acknowledgedAt, acknowledgedAt is null ? null : "Adjointe de Chelles");

    [Fact]
    public void One_tap_on_Acquitter_acknowledges_that_warning()
    {
        var line = Line();
        Guid? acknowledged = null;
        var card = Render<WarningCard>(p => p.Add(c => c.Line, line).Add(c => c.Acknowledge, id => { acknowledged = id; return Task.CompletedTask; }));
        Assert.Contains("03:55", card.Markup); // 02:55 UTC in Paris in November
        Assert.Contains("envoyée", card.Markup);
        card.Find("[data-testid=acknowledge]").Click();
        Assert.Equal(line.Id, acknowledged);
    }

    [Fact]
    public void An_acknowledged_warning_says_who_and_when_and_offers_no_button()
    {
        var card = Render<WarningCard>(p => p.Add(c => c.Line, Line(Raised.AddMinutes(4))).Add(c => c.Acknowledge, _ => Task.CompletedTask));
        Assert.Equal("Acquitté par Adjointe de Chelles à 03:59", card.Find("[data-testid=acknowledged-by]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=acknowledge]"));
        Assert.DoesNotContain("enki-warning-urgent", card.Markup);
    }
}
