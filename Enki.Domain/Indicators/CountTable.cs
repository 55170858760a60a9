using System.Runtime.CompilerServices;

namespace Enki.Domain.Indicators;

/// <summary>
/// How many incidents each key holds (a key is never negative: an exact duration in ticks, a grid square): an open-addressing table of
/// its own rather than a <see cref="Dictionary{TKey,TValue}"/>, because a national year adds millions of keys in each of a few requests,
/// and the dictionary's code for these keys ran unoptimised until the runtime's tiers reached it, 3–5 times slower (measured at 5 M
/// incidents: 230–470 ms a year of durations for the first thirty requests after a start, 70–150 ms after). This one is inlined into
/// its optimised caller.
/// </summary>
public sealed class CountTable
{
    // A key is stored plus one: 0 marks a free slot, and a key of 0 (a duration of 0 ticks: arrived at the case's creation) is a key like any other.
    private long[] _keys = new long[64];
    private long[] _counts = new long[64];
    private int _used;

    public int Count => _used;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long key, long incidents)
    {
        var stored = key + 1;
        var mask = _keys.Length - 1;
        for (var slot = Slot(stored, mask); ; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == stored)
            {
                _counts[slot] += incidents;
                return;
            }
            if (_keys[slot] == 0)
            {
                _keys[slot] = stored;
                _counts[slot] = incidents;
                if (++_used * 2 > _keys.Length) Grow();
                return;
            }
        }
    }

    public IEnumerable<(long Key, long Incidents)> Entries()
    {
        foreach (var entry in this) yield return entry;
    }

    /// <summary>
    /// Each key with its incidents through a struct (<c>foreach</c> over the table itself): optimised with its caller, where an iterator's
    /// calls ran unoptimised for the few requests of a series (a national year's coverage times read 241 k keys in 350–630 ms, 60 ms once optimised).
    /// </summary>
    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator(CountTable table)
    {
        private int _slot = -1;

        public readonly (long Key, long Incidents) Current => (table._keys[_slot] - 1, table._counts[_slot]);

        public bool MoveNext()
        {
            while (++_slot < table._keys.Length)
            {
                if (table._keys[_slot] != 0) return true;
            }
            return false;
        }
    }

    /// <summary>Fibonacci hashing: durations in whole seconds or minutes, or squares side by side, share their low bits; the product's high bits do not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(long stored, int mask) => (int)(((ulong)stored * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    private void Grow()
    {
        var (keys, counts) = (_keys, _counts);
        (_keys, _counts, _used) = (new long[keys.Length * 2], new long[keys.Length * 2], 0);
        for (var slot = 0; slot < keys.Length; slot++)
        {
            if (keys[slot] != 0) Add(keys[slot] - 1, counts[slot]);
        }
    }
}
