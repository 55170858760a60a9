using Enki.Domain.History;
using Enki.Domain.Incidents;

namespace Enki.Tests.History;

/// <summary>
/// A hand-built night at Chelles, times in UTC. « What did we know at 02:10? » against « what was
/// really happening at 02:10? »: they differ by the late messages.
/// </summary>
public sealed class PastSituationTests
{
    private static readonly DateTimeOffset Night = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
    internal static DateTimeOffset At(int hour, int minute) => Night.AddHours(hour).AddMinutes(minute);
    private static readonly DateTimeOffset TenPastTwo = At(2, 10);

    private static readonly Guid Flood = Guid.NewGuid(), Fire = Guid.NewGuid(), Fall = Guid.NewGuid();

    private static IncidentSubject Subject(Guid id, string caseId, IncidentStatus status) =>
        new(id, caseId, "77108", "77", "PARIS", false, status);

    private static readonly IncidentVictims TwoUrgent = IncidentVictims.None with { Red = 2 };

    /// <summary>Sequence is the order Enki recorded them in.</summary>
    internal static readonly PastEvent[] History =
    [
        // The flooded cellar: opened at 02:00, known at once.
        new(1, At(2, 0), new IncidentOpened(Subject(Flood, "INONDATION", IncidentStatus.Reported), At(2, 0), "INO", "Inondation", "Inondation de cave", At(2, 0), At(2, 0))),
        // A fall, opened 01:40 and closed 02:05: over by 02:10 on both clocks.
        new(2, At(1, 40), new IncidentOpened(Subject(Fall, "CHUTE", IncidentStatus.Reported), At(1, 40), "SAP", "Secours à personne", "Chute", At(1, 40), At(1, 40))),
        new(3, At(2, 5), new IncidentClosed(Subject(Fall, "CHUTE", IncidentStatus.Completed), At(2, 5), IncidentStatus.InProgress)),
        // 02:05 on scene: two urgences absolues in the flood, but the message only reached Enki at 02:20.
        new(4, At(2, 20), new IncidentVictimsChanged(Subject(Flood, "INONDATION", IncidentStatus.InProgress), At(2, 5), IncidentVictims.None, TwoUrgent)),
        // A fire that started at 01:55, whose case reached Enki at 02:15 (a sender's queue held it).
        new(5, At(2, 15), new IncidentOpened(Subject(Fire, "FEU", IncidentStatus.InProgress), At(1, 55), "INC", "Incendie", "Feu de pavillon", At(1, 55), At(2, 15))),
        // Resources reported at 02:08, recorded at 02:09.
        new(6, At(2, 9), new IncidentResourcesChanged(Subject(Flood, "INONDATION", IncidentStatus.InProgress), At(2, 8), 3, [])),
    ];

    [Fact]
    public void As_known_at_ten_past_two_the_crisis_room_saw_one_flood_without_victims_and_three_resources()
    {
        var then = PastSituation.OpenAt(History, TenPastTwo, HistoryClock.AsKnown);

        var flood = Assert.Single(then);
        Assert.Equal("INONDATION", flood.CaseId);
        Assert.Equal(IncidentVictims.None, flood.Victims);
        Assert.Equal(3, flood.EngagedResources);
        Assert.Equal(IncidentStatus.InProgress, flood.Status);
    }

    [Fact]
    public void As_it_actually_was_at_ten_past_two_a_fire_burned_and_the_flood_had_two_urgences_absolues()
    {
        var then = PastSituation.OpenAt(History, TenPastTwo, HistoryClock.AsItWas);

        Assert.Equal(["FEU", "INONDATION"], then.Select(i => i.CaseId));
        var flood = then.Single(i => i.CaseId == "INONDATION");
        Assert.Equal(2, flood.Victims.Red);
        Assert.Equal(3, flood.EngagedResources);
        Assert.Equal("Feu de pavillon", then.Single(i => i.CaseId == "FEU").NatureLabel);
    }

    [Fact]
    public void Once_the_late_messages_arrived_both_clocks_agree()
    {
        var known = PastSituation.OpenAt(History, At(2, 30), HistoryClock.AsKnown);
        var was = PastSituation.OpenAt(History, At(2, 30), HistoryClock.AsItWas);

        Assert.Equal(was, known);
        Assert.Equal(2, known.Single(i => i.CaseId == "INONDATION").Victims.Red);
    }

    [Fact]
    public void Before_anything_happened_nothing_was_open_and_a_closed_case_stays_closed()
    {
        Assert.Empty(PastSituation.OpenAt(History, At(1, 0), HistoryClock.AsItWas));
        Assert.Contains(PastSituation.OpenAt(History, At(2, 0), HistoryClock.AsKnown), i => i.CaseId == "CHUTE");
        Assert.DoesNotContain(PastSituation.OpenAt(History, At(2, 6), HistoryClock.AsKnown), i => i.CaseId == "CHUTE");
    }
}

public sealed class PastInstantTests
{
    private static readonly TimeZoneInfo Paris = Enki.Domain.Geography.TerritoryClock.Paris;
    private static readonly TimeZoneInfo Reunion = Enki.Domain.Geography.TerritoryClock.ZoneOf("974");

    [Theory]
    // Winter in Paris: UTC+1. In the Réunion: UTC+4 all year.
    [InlineData("2026-12-02T02:10", "Paris", "2026-12-02T01:10:00Z")]
    [InlineData("2026-12-02T02:10", "Reunion", "2026-12-01T22:10:00Z")]
    // Summer in Paris: UTC+2.
    [InlineData("2026-07-14T02:10", "Paris", "2026-07-14T00:10:00Z")]
    // An offset or Z wins over the territory's zone.
    [InlineData("2026-12-02T02:10Z", "Reunion", "2026-12-02T02:10:00Z")]
    [InlineData("2026-12-02T02:10+02:00", "Paris", "2026-12-02T00:10:00Z")]
    public void An_instant_without_offset_is_the_territory_s_local_time(string text, string zone, string expected)
    {
        var parsed = PastInstant.Parse(text, zone == "Paris" ? Paris : Reunion);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData("hier soir")]
    [InlineData("2026-13-45T02:10")]
    public void What_is_not_an_instant_is_refused(string text) => Assert.Null(PastInstant.Parse(text, Paris));

    [Fact]
    public void The_clock_defaults_to_as_known_and_refuses_anything_else()
    {
        Assert.Equal(HistoryClock.AsKnown, PastInstant.ParseClock(null));
        Assert.Equal(HistoryClock.AsItWas, PastInstant.ParseClock("as-it-was"));
        Assert.Null(PastInstant.ParseClock("yesterday"));
    }
}
