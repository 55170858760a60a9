using Enki.Domain.Access;
using Enki.Domain.History;
using Enki.Infrastructure.History;
using Enki.Tests.Geography;
using static Enki.Tests.History.PastSituationTests;

namespace Enki.Tests.History;

/// <summary>
/// The dashboard's counters at 02:10 over the hand-built night at Chelles (<see cref="PastSituationTests"/>):
/// the crisis room knew one flood without victims; in fact a fire burned and the flood had two urgences absolues.
/// </summary>
[Collection(GeographyCollection.Name)]
public sealed class PastDashboardFiguresTests(GeographyFixture geography)
{
    private static readonly Jurisdiction Seine77 = Jurisdiction.Department("77");

    private Infrastructure.Incidents.DashboardFigures Figures(int hour, int minute, HistoryClock clock) =>
        PastDashboardFigures.Of(Seine77, At(hour, minute), PastSituation.KnownAt(PastSituationTests.History, At(hour, minute), clock), geography.Geography);

    [Fact]
    public void At_ten_past_two_as_known_one_case_in_progress_no_victims_three_resources()
    {
        var known = Figures(2, 10, HistoryClock.AsKnown);

        Assert.Equal(1, known.InProgress);
        // The flood (02:00) and the fall (01:40, closed at 02:05) opened within the hour.
        Assert.Equal(2, known.NewLastHour);
        Assert.Equal(0, known.VictimsRed);
        Assert.Equal(3, known.EngagedResources);
        Assert.Equal(["Inondation de cave", "Chute"], known.Latest.Select(l => l.NatureLabel));
        var chelles = Assert.Single(known.Breakdown);
        Assert.Equal(("77108", "Chelles", 1, 2), (chelles.Code, chelles.Name, chelles.InProgress, chelles.Total));
    }

    [Fact]
    public void At_ten_past_two_as_it_was_the_fire_and_the_two_urgences_absolues_count()
    {
        var was = Figures(2, 10, HistoryClock.AsItWas);

        Assert.Equal(2, was.InProgress);
        Assert.Equal(3, was.NewLastHour);
        Assert.Equal(2, was.VictimsRed);
        Assert.Equal(3, was.EngagedResources);
        Assert.Equal(["Inondation de cave", "Feu de pavillon", "Chute"], was.Latest.Select(l => l.NatureLabel));
    }

    [Fact]
    public void At_half_past_two_both_clocks_count_the_same_and_at_one_nothing_is_open()
    {
        var known = Figures(2, 30, HistoryClock.AsKnown);
        var was = Figures(2, 30, HistoryClock.AsItWas);

        Assert.Equal((2, 2, 3), (known.InProgress, known.VictimsRed, known.EngagedResources));
        Assert.Equal((was.InProgress, was.VictimsRed, was.EngagedResources), (known.InProgress, known.VictimsRed, known.EngagedResources));
        Assert.Equal(0, Figures(1, 0, HistoryClock.AsItWas).InProgress);
    }
}
