using Bunit;
using Enki.Domain.Geography;
using Enki.Domain.History;
using Enki.Tests.Support;
using Enki.Web.Components.History;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.History;

/// <summary>The past bar only writes the address: steps, replay and the way back to live, on a fake clock.</summary>
public sealed class PastBarTests : MudBunitContext
{
    // 2 December 2026, 02:10 in Paris (UTC+1); the bar's slider covers the 24 hours before 12:00.
    private static readonly DateTimeOffset TenPastTwo = new(2026, 12, 2, 1, 10, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero));

    public PastBarTests() => Services.AddSingleton<TimeProvider>(_clock);

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<PastBar> Render(HistoryClock clock = HistoryClock.AsKnown)
    {
        Navigation.NavigateTo("tableau-de-bord/departement/77?a=2026-12-02T02:10");
        return Render<PastBar>(p => p.Add(b => b.View, new PastView(TenPastTwo, clock)).Add(b => b.TimeZone, TerritoryClock.Paris));
    }

    [Fact]
    public void Names_the_instant_and_clock_and_steps_write_the_local_time_in_the_address()
    {
        var bar = Render(HistoryClock.AsItWas);
        Assert.Equal("Situation au 2 déc. 2026 à 02:10 — telle qu'elle était (messages tardifs compris)", bar.Find("[data-testid=past-title]").TextContent);

        bar.Find("[data-testid=past-step-60]").Click();

        Assert.EndsWith("tableau-de-bord/departement/77?a=2026-12-02T01%3A10&horloge=tel-que-c-etait", Navigation.Uri);
    }

    [Fact]
    public void Back_to_live_drops_the_instant_and_the_clock()
    {
        var bar = Render(HistoryClock.AsItWas);

        bar.Find("[data-testid=back-to-live]").Click();

        Assert.EndsWith("tableau-de-bord/departement/77", Navigation.Uri);
    }

    [Fact]
    public void A_replay_at_600_moves_ten_minutes_a_second_and_pause_stops_it()
    {
        var bar = Render();
        bar.Find("[data-testid=replay-x600]").Click();
        bar.Find("[data-testid=replay-play]").Click();

        _clock.Advance(TimeSpan.FromSeconds(1));
        bar.WaitForAssertion(() => Assert.EndsWith("?a=2026-12-02T02%3A20", Navigation.Uri));
        Show(bar, TenPastTwo.AddMinutes(10)); // as the page does once it has read the address
        _clock.Advance(TimeSpan.FromSeconds(1));
        bar.WaitForAssertion(() => Assert.EndsWith("?a=2026-12-02T02%3A30", Navigation.Uri));

        bar.Find("[data-testid=replay-pause]").Click();
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.EndsWith("?a=2026-12-02T02%3A30", Navigation.Uri);
    }

    [Fact]
    public void A_replay_on_a_busy_server_skips_instants_rather_than_piling_up_navigations()
    {
        var bar = Render();
        bar.Find("[data-testid=replay-x600]").Click();
        bar.Find("[data-testid=replay-play]").Click();
        var moves = 0;
        Navigation.LocationChanged += (_, _) => moves++;

        _clock.Advance(TimeSpan.FromSeconds(1));
        bar.WaitForAssertion(() => Assert.EndsWith("?a=2026-12-02T02%3A20", Navigation.Uri));
        // 02:20 not shown yet (the page is still reading it): the next two ticks ask for nothing.
        _clock.Advance(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, moves);
        Assert.EndsWith("?a=2026-12-02T02%3A20", Navigation.Uri);

        Show(bar, TenPastTwo.AddMinutes(10));
        _clock.Advance(TimeSpan.FromSeconds(1));
        // The replay kept its pace: four ticks at ×600 after 02:10.
        bar.WaitForAssertion(() => Assert.EndsWith("?a=2026-12-02T02%3A50", Navigation.Uri));
        Assert.Equal(2, moves);
    }

    private static void Show(IRenderedComponent<PastBar> bar, DateTimeOffset instant) =>
        bar.Render(p => p.Add(b => b.View, new PastView(instant, HistoryClock.AsKnown)));
}
