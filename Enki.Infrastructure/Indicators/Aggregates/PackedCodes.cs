using System.Runtime.CompilerServices;
using System.Text;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// Reads back, from a span and without a stream, what <see cref="BinaryWriter"/> packed into a national level's row: its 7-bit encoded
/// integers and its length-prefixed UTF-8 codes, each distinct code made a string once per reader (a year repeats a hundred department
/// codes and a dozen families a million times).
/// </summary>
/// <param name="what">The error on damaged bytes, in French (« Durées de couverture mal empaquetées »).</param>
internal sealed class PackedCodes(string what)
{
    private readonly Dictionary<string, string> _codes = [];
    private readonly ulong[] _shortKeys = new ulong[256];
    private readonly string?[] _shortCodes = new string?[256];
    private int _shortCount;

    /// <summary>The next code; empty when not <paramref name="wanted"/> (its bytes are skipped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Code(ReadOnlySpan<byte> packed, ref int at, bool wanted = true)
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

    /// <summary>A 7-bit encoded integer, as <see cref="BinaryWriter.Write7BitEncodedInt64"/> writes it (a negative one as its 64 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong Varint(ReadOnlySpan<byte> packed, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = packed[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException($"{what} : entier trop long.");
    }

    /// <summary>Refuses bytes left after what was read.</summary>
    public void End(ReadOnlySpan<byte> packed, int at)
    {
        if (at != packed.Length) throw new InvalidDataException($"{what} : octets en trop.");
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
}
