using System.Runtime.CompilerServices;
using System.Text;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// One hour's coverage rows packed without their communes (<see cref="CoverageNationalHour.Durations"/>): by department and nature
/// family (ordinal order), each group's exact pairs of durations in ticks with how many incidents had them. Written by
/// <see cref="BinaryWriter"/> (codes as its length-prefixed UTF-8 strings, numbers as its 7-bit encoded integers) and read back from a
/// span without a stream, since a national year is 8,760 of them holding a million incidents.
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

    /// <summary>
    /// Reads packed durations; each distinct code is made a string once per reader (a year repeats a hundred departments a million times).
    /// </summary>
    /// <param name="departments">Whether the department codes are read (else empty).</param>
    /// <param name="families">Whether the family codes are read (else empty).</param>
    public sealed class Reader(bool departments, bool families)
    {
        private readonly Dictionary<string, string> _codes = [];
        private readonly ulong[] _shortKeys = new ulong[256];
        private readonly string?[] _shortCodes = new string?[256];
        private int _shortCount;
        private Pair[] _pairs = new Pair[64];

        /// <summary>Optimised from its first call, as <see cref="CoverageTally.Add"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Read(ReadOnlySpan<byte> packed, Visit visit)
        {
            var at = 0;
            for (var groups = (int)Varint(packed, ref at); groups > 0; groups--)
            {
                var department = Code(packed, ref at, departments);
                var family = Code(packed, ref at, families);
                var count = (int)Varint(packed, ref at);
                if (count > _pairs.Length) _pairs = new Pair[Math.Max(count, _pairs.Length * 2)];
                for (var i = 0; i < count; i++)
                {
                    var total = (long)Varint(packed, ref at);
                    var alert = (long)Varint(packed, ref at);
                    _pairs[i] = new Pair(total, alert, (int)Varint(packed, ref at));
                }
                visit(department, family, _pairs.AsSpan(0, count));
            }
            if (at != packed.Length) throw new InvalidDataException("Durées de couverture mal empaquetées : octets en trop.");
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private string Code(ReadOnlySpan<byte> packed, ref int at, bool wanted)
        {
            var length = (int)Varint(packed, ref at);
            var bytes = packed.Slice(at, length);
            at += length;
            if (!wanted || length == 0) return "";
            if (length > sizeof(ulong)) return Known(bytes);
            // A code of up to eight bytes (every department and family code) is found by its bytes read as one number, without decoding.
            ulong key = 0;
            for (var i = 0; i < length; i++) key |= (ulong)bytes[i] << (8 * i);
            var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> 56);
            while (_shortCodes[slot] is { } found)
            {
                if (_shortKeys[slot] == key) return found;
                slot = (slot + 1) & (_shortCodes.Length - 1);
            }
            if (_shortCount * 2 >= _shortCodes.Length) return Known(bytes); // more distinct codes than a year holds: the dictionary serves
            _shortCount++;
            _shortKeys[slot] = key;
            return _shortCodes[slot] = Known(bytes);
        }

        private string Known(ReadOnlySpan<byte> bytes)
        {
            Span<char> chars = stackalloc char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
            var code = chars[..Encoding.UTF8.GetChars(bytes, chars)];
            var lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(code, out var known))
            {
                known = code.ToString();
                _codes[known] = known;
            }
            return known;
        }

        /// <summary>An unsigned 7-bit encoded integer, as <see cref="BinaryWriter.Write7BitEncodedInt64"/> writes a positive one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static ulong Varint(ReadOnlySpan<byte> packed, ref int at)
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = packed[at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
            throw new InvalidDataException("Durées de couverture mal empaquetées : entier trop long.");
        }
    }
}
