using System.Runtime.CompilerServices;
using System.Text;
using Enki.Domain.Geography;
using Enki.Domain.Indicators;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// One hour's placed incidents packed by nature family (ordinal order) and 1 km square (<see cref="GridNationalHour.Squares"/>): each
/// square's south-west corner in kilometres and how many incidents lie on it. Written by <see cref="BinaryWriter"/> (families as its
/// length-prefixed UTF-8 strings, numbers as its 7-bit encoded integers) and read back from a span (<see cref="PackedCodes"/>).
/// </summary>
public static class GridSquareCounts
{
    /// <summary>Called for each family with its squares' counts (valid during the call only).</summary>
    public delegate void Visit(string family, ReadOnlySpan<GridTally.SquareCount> squares);

    /// <summary>An incident's family and point, in degrees.</summary>
    public readonly record struct Point(string Family, double Latitude, double Longitude);

    /// <summary>The points counted by family and square, each projected once.</summary>
    public static byte[] Pack(IEnumerable<Point> points)
    {
        var families = points.Select(p => (p.Family, Corner: GridSquare.CornerOf(p.Latitude, p.Longitude)))
            .GroupBy(p => p.Family).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(families.Count);
            foreach (var family in families)
            {
                var squares = family.GroupBy(p => p.Corner).OrderBy(s => s.Key.North).ThenBy(s => s.Key.East).ToList();
                writer.Write(family.Key);
                writer.Write7BitEncodedInt(squares.Count);
                foreach (var square in squares)
                {
                    writer.Write7BitEncodedInt64(square.Key.East / GridSquare.Size);
                    writer.Write7BitEncodedInt64(square.Key.North / GridSquare.Size);
                    writer.Write7BitEncodedInt(square.Count());
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>Reads packed squares; each distinct family made a string once per reader.</summary>
    /// <param name="family">The only family read (any case), or null for all: the others' squares are skipped.</param>
    public sealed class Reader(string? family)
    {
        private readonly PackedCodes _packed = new("Carreaux mal empaquetés");
        private GridTally.SquareCount[] _squares = new GridTally.SquareCount[256];

        /// <summary>Optimised from its first call, as <see cref="GridTally.Add(string, ReadOnlySpan{GridTally.SquareCount})"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Read(ReadOnlySpan<byte> packed, Visit visit)
        {
            var at = 0;
            for (var families = (int)_packed.Varint(packed, ref at); families > 0; families--)
            {
                var code = _packed.Code(packed, ref at);
                var wanted = family is null || string.Equals(code, family, StringComparison.OrdinalIgnoreCase);
                var count = (int)_packed.Varint(packed, ref at);
                if (count > _squares.Length) _squares = new GridTally.SquareCount[Math.Max(count, _squares.Length * 2)];
                for (var i = 0; i < count; i++)
                {
                    var east = (long)_packed.Varint(packed, ref at) * GridSquare.Size;
                    var north = (long)_packed.Varint(packed, ref at) * GridSquare.Size;
                    _squares[i] = new GridTally.SquareCount(east, north, (int)_packed.Varint(packed, ref at));
                }
                if (wanted) visit(code, _squares.AsSpan(0, count));
            }
            _packed.End(packed, at);
        }
    }
}
