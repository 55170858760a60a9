using System.Runtime.CompilerServices;
using System.Text;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// One hour's coverage rows packed without their communes (<see cref="CoverageNationalHour.Durations"/>): by department and nature
/// family (ordinal order), each group's exact pairs of durations in ticks with how many incidents had them. Written by
/// <see cref="BinaryWriter"/> (codes as its length-prefixed UTF-8 strings, numbers as its 7-bit encoded integers) and read back from a
/// span without a stream (<see cref="PackedCodes"/>), since a national year is 8,760 of them holding a million incidents.
/// </summary>
public static class CoverageDurations
{
    /// <summary>Called for each group with its exact pairs of durations (valid during the call only); codes are empty when not asked for.</summary>
    public delegate void Visit(string department, string family, ReadOnlySpan<Pair> pairs);

    /// <summary>How many incidents of a group had exactly these durations.</summary>
    public readonly record struct Pair(long TotalTicks, long AlertTicks, int Incidents);

    /// <summary>The rows' durations summed by department, family and exact pair (communes and zones dropped).</summary>
    public static byte[] Pack(IEnumerable<CoverageHour> rows)
    {
        var groups = rows.GroupBy(r => (r.DepartmentCode, r.NatureFamily))
            .OrderBy(g => g.Key.DepartmentCode, StringComparer.Ordinal).ThenBy(g => g.Key.NatureFamily, StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(groups.Count);
            foreach (var group in groups)
            {
                var pairs = group.GroupBy(r => (r.TotalTicks, r.AlertTicks)).OrderBy(p => p.Key).ToList();
                writer.Write(group.Key.DepartmentCode);
                writer.Write(group.Key.NatureFamily);
                writer.Write7BitEncodedInt(pairs.Count);
                foreach (var pair in pairs)
                {
                    // Durations are never negative (a clock behind the case's creation is not a delay): one to five bytes each.
                    ArgumentOutOfRangeException.ThrowIfNegative(pair.Key.AlertTicks);
                    ArgumentOutOfRangeException.ThrowIfLessThan(pair.Key.TotalTicks, pair.Key.AlertTicks);
                    writer.Write7BitEncodedInt64(pair.Key.TotalTicks);
                    writer.Write7BitEncodedInt64(pair.Key.AlertTicks);
                    writer.Write7BitEncodedInt(pair.Sum(r => r.Incidents));
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>Reads packed durations, each distinct code made a string once per reader (<see cref="PackedCodes"/>).</summary>
    /// <param name="departments">Whether the department codes are read (else empty).</param>
    /// <param name="families">Whether the family codes are read (else empty).</param>
    public sealed class Reader(bool departments, bool families)
    {
        private readonly PackedCodes _packed = new("Durées de couverture mal empaquetées");
        private Pair[] _pairs = new Pair[64];

        /// <summary>Optimised from its first call, as <see cref="CoverageTally.Add"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Read(ReadOnlySpan<byte> packed, Visit visit)
        {
            var at = 0;
            for (var groups = (int)_packed.Varint(packed, ref at); groups > 0; groups--)
            {
                var department = _packed.Code(packed, ref at, departments);
                var family = _packed.Code(packed, ref at, families);
                var count = (int)_packed.Varint(packed, ref at);
                if (count > _pairs.Length) _pairs = new Pair[Math.Max(count, _pairs.Length * 2)];
                for (var i = 0; i < count; i++)
                {
                    var total = (long)_packed.Varint(packed, ref at);
                    var alert = (long)_packed.Varint(packed, ref at);
                    _pairs[i] = new Pair(total, alert, (int)_packed.Varint(packed, ref at));
                }
                visit(department, family, _pairs.AsSpan(0, count));
            }
            _packed.End(packed, at);
        }
    }
}
