using Enki.Domain.Indicators;

namespace Enki.Tests.Indicators;

/// <summary>
/// The grid's tally on points whose squares are known (the points of <see cref="GridDensityQueriesTests"/>): Chelles 48.8786 N
/// 2.5914 E and 48.8770 N 2.5930 E in N6864000E670000, 48.8750 N 2.6000 E in N6863000E670000, Guichen 47.9658 N 1.7901 W in
/// N6773000E342000.
/// </summary>
public sealed class GridTallyTests
{
    private const string Chelles1 = "CRS2154RES1000mN6864000E670000";
    private const string Chelles2 = "CRS2154RES1000mN6863000E670000";
    private const string Guichen = "CRS2154RES1000mN6773000E342000";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Each_square_and_family_gets_one_fact_with_its_count()
    {
        var tally = new GridTally();
        tally.Add("C04", 48.8786, 2.5914);
        tally.Add("C08", 47.9658, -1.7901);
        tally.Add("C04", 48.8770, 2.5930);
        tally.Add("C08", 48.8770, 2.5930);

        var facts = tally.DensestFacts(At);

        Assert.Equal([(Guichen, "C08", 1d), (Chelles1, "C04", 2d), (Chelles1, "C08", 1d)],
            facts.Select(f => (f.Square!, f.Category!, f.Values[0])).Order()); // ordered by id: « N67… » before « N68… »
        Assert.All(facts, f => Assert.Equal(At, f.At));
    }

    [Fact]
    public void Beyond_the_most_a_map_shows_the_densest_squares_are_kept_whole_ties_by_id()
    {
        var tally = new GridTally();
        tally.Add("C04", 48.8786, 2.5914); // Chelles1: 1 fire and 1 flood, 2 in all
        tally.Add("C08", 48.8770, 2.5930);
        tally.Add("C04", 48.8750, 2.6000); // Chelles2: 1
        tally.Add("C04", 47.9658, -1.7901); // Guichen: 1, tied with Chelles2, kept as its id comes first
        Assert.True(string.CompareOrdinal(Guichen, Chelles2) < 0);

        var facts = tally.DensestFacts(At, max: 2);

        Assert.Equal([(Guichen, "C04", 1d), (Chelles1, "C04", 1d), (Chelles1, "C08", 1d)],
            facts.Select(f => (f.Square!, f.Category!, f.Values[0])).Order()); // ordered by id: « N67… » before « N68… »
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // metropolitan squares numbered through the array over France's grid, the Atlantic's outside it
    public void Counts_made_by_square_add_to_points_and_the_cut_keeps_every_square_above_it_then_those_at_it_by_id(bool wholeCountry)
    {
        const string atlantic = "CRS2154RES1000mN7100000E-5000";
        var tally = new GridTally(wholeCountry);
        tally.Add("C04", [new GridTally.SquareCount(670_000, 6_864_000, 3), new GridTally.SquareCount(342_000, 6_773_000, 1)]);
        tally.Add("C08", [new GridTally.SquareCount(670_000, 6_863_000, 2)]);
        tally.Add("C04", 48.8750, 2.6000); // Chelles2: 2 floods and 1 fire, 3 in all, as Chelles1
        tally.Add("C04", [new GridTally.SquareCount(-5_000, 7_100_000, 2)]);

        // Totals: Chelles1 3, Chelles2 3, the Atlantic 2, Guichen 1.
        Assert.Equal([(Chelles2, "C04", 1d), (Chelles2, "C08", 2d), (Chelles1, "C04", 3d), (atlantic, "C04", 2d)],
            Facts(tally, max: 3)); // ordered by id: « N68… » before « N71… »
        Assert.Equal([(Chelles2, "C04", 1d), (Chelles2, "C08", 2d), (Chelles1, "C04", 3d)], Facts(tally, max: 2));
        // Two squares tied at the cut for one place: the first by id.
        Assert.Equal([(Chelles2, "C04", 1d), (Chelles2, "C08", 2d)], Facts(tally, max: 1));
        Assert.Equal(5, tally.DensestFacts(At).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Thousands_of_squares_each_keep_their_own_counts_by_family(bool wholeCountry)
    {
        // 3,000 squares along a parallel of Lambert-93 (past the first arrays' sizes), fires on each, floods on every third, twice.
        var tally = new GridTally(wholeCountry);
        for (var pass = 0; pass < 2; pass++)
        {
            tally.Add("C04", [.. Enumerable.Range(0, 3_000).Select(i => new GridTally.SquareCount(100_000 + i * 1_000L, 6_500_000 + (i % 7) * 1_000L, 1))]);
            tally.Add("C08", [.. Enumerable.Range(0, 1_000).Select(i => new GridTally.SquareCount(100_000 + i * 3_000L, 6_500_000 + (i * 3 % 7) * 1_000L, 2))]);
        }

        var facts = tally.DensestFacts(At, max: 10_000);

        Assert.Equal(4_000, facts.Count);
        Assert.All(facts.Where(f => f.Category == "C04"), f => Assert.Equal(2d, f.Values[0]));
        Assert.All(facts.Where(f => f.Category == "C08"), f => Assert.Equal(4d, f.Values[0]));
        Assert.Equal(3_000, facts.Select(f => f.Square).Distinct().Count());
        // The 1,000 squares holding both lead the cut.
        Assert.Equal(facts.Where(f => f.Category == "C08").Select(f => f.Square).Order(),
            tally.DensestFacts(At, max: 1_000).Select(f => f.Square).Distinct().Order());
    }

    private static List<(string Square, string Family, double Count)> Facts(GridTally tally, int max) =>
        [.. tally.DensestFacts(At, max).Select(f => (f.Square!, f.Category!, f.Values[0])).Order()];
}
