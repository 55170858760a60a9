using Enki.Domain.Geography;
using Enki.Infrastructure.Indicators.Aggregates;
using static Enki.Infrastructure.Indicators.Aggregates.GridSquareCounts;

namespace Enki.Tests.Indicators;

/// <summary>
/// The packed squares of <see cref="GridNationalHour"/>: points come back counted by family and square, a family asked alone skips the
/// others, damaged bytes are refused. Squares as in <see cref="GridTallyTests"/>.
/// </summary>
public sealed class GridSquareCountsTests
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Points_come_back_counted_by_family_and_square_a_family_asked_alone_in_any_case()
    {
        // Chelles twice in one square and once in the next; Guichen; and a point far out in the Atlantic, west of the grid's origin.
        Point[] points =
        [
            new("C04", 48.8786, 2.5914), new("C08", 47.9658, -1.7901), new("C04", 48.8770, 2.5930), new("C04", 48.8750, 2.6000),
            new("C04", 46.0, -12.0),
        ];
        var atlantic = GridSquare.CornerOf(46.0, -12.0);
        Assert.True(atlantic.East < 0);

        var packed = GridNationalHour.Of(Hour, points)!.Squares;

        Assert.Equal(
            [
                ("C04", atlantic.East, atlantic.North, 1),
                ("C04", 670_000L, 6_863_000L, 1),
                ("C04", 670_000L, 6_864_000L, 2),
                ("C08", 342_000L, 6_773_000L, 1),
            ],
            ReadAll(packed, null).OrderBy(s => s.Family).ThenBy(s => s.North));
        Assert.Equal([("C08", 342_000L, 6_773_000L, 1)], ReadAll(packed, "c08"));
        Assert.Empty(ReadAll(packed, "C01"));
    }

    [Fact]
    public void An_hour_without_points_has_no_row_and_damaged_squares_are_refused()
    {
        Assert.Null(GridNationalHour.Of(Hour, []));
        var packed = GridNationalHour.Of(Hour, [new Point("C04", 48.8786, 2.5914)])!.Squares;
        Assert.Throws<InvalidDataException>(() => ReadAll([.. packed, 0], null));
        Assert.ThrowsAny<Exception>(() => ReadAll(packed[..^1], null));
    }

    [Fact]
    public void More_squares_than_the_reader_holds_at_first_come_back_each_counted()
    {
        // 1,000 squares along a parallel, one incident each, and one of them twice.
        var points = Enumerable.Range(0, 1_000).Select(i => new Point("C04", 46.5, -1.0 + i * 0.014)).Append(new Point("C04", 46.5, -1.0)).ToList();
        var expected = points.GroupBy(p => GridSquare.CornerOf(p.Latitude, p.Longitude)).ToDictionary(g => g.Key, g => g.Count());

        var read = ReadAll(GridNationalHour.Of(Hour, points)!.Squares, null);

        Assert.Equal(expected.Count, read.Count);
        Assert.True(read.Count > 900);
        Assert.All(read, s => Assert.Equal(expected[(s.East, s.North)], s.Incidents));
        Assert.Equal(1_001, read.Sum(s => s.Incidents));
    }

    private static List<(string Family, long East, long North, int Incidents)> ReadAll(byte[] packed, string? family)
    {
        var read = new List<(string, long, long, int)>();
        new Reader(family).Read(packed, (code, squares) =>
        {
            foreach (var square in squares) read.Add((code, square.East, square.North, square.Incidents));
        });
        return read;
    }
}
