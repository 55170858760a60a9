using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Enki.Infrastructure.Persistence.Storage;

/// <summary>What every stored enum's table answers, whatever its type (for the event JSON and the tests).</summary>
public interface IStoredValues
{
    Type EnumType { get; }

    /// <summary>Each member and the string stored for it.</summary>
    IEnumerable<(Enum Member, string Stored)> Pairs { get; }

    string Of(Enum member);

    Enum Parse(string stored);
}

/// <summary>
/// The string stored for each member of an enum, written out: the database, the event stream, claims and the
/// API keep these strings while the C# names may change. Built once; a missing member or a repeated string
/// fails at start-up, not at the first write.
/// </summary>
public sealed class StoredValues<TEnum> : IStoredValues where TEnum : struct, Enum
{
    private readonly FrozenDictionary<TEnum, string> _byMember;
    private readonly FrozenDictionary<string, TEnum> _byStored;

    public StoredValues(params (TEnum Member, string Stored)[] pairs)
    {
        var missing = Enum.GetValues<TEnum>().Where(m => !pairs.Any(p => p.Member.Equals(m))).ToList();
        if (missing.Count > 0 || pairs.DistinctBy(p => p.Stored, StringComparer.OrdinalIgnoreCase).Count() != pairs.Length
                              || pairs.DistinctBy(p => p.Member).Count() != pairs.Length)
        {
            throw new InvalidOperationException(
                $"{typeof(TEnum).Name}: each member needs one stored value of its own (missing: {string.Join(", ", missing)}).");
        }
        _byMember = pairs.ToFrozenDictionary(p => p.Member, p => p.Stored);
        // Unique ignoring case (checked above): one lookup serves exact strings and people's typing alike.
        _byStored = pairs.ToFrozenDictionary(p => p.Stored, p => p.Member, StringComparer.OrdinalIgnoreCase);
        Converter = new ValueConverter<TEnum, string>(member => Of(member), stored => Parse(stored));
    }

    public Type EnumType => typeof(TEnum);

    public IEnumerable<(Enum Member, string Stored)> Pairs => _byMember.Select(p => ((Enum)p.Key, p.Value));

    /// <summary>For EF Core: <c>HasConversion(EnumStorage.X.Converter)</c>.</summary>
    public ValueConverter<TEnum, string> Converter { get; }

    public IReadOnlyCollection<string> All => _byStored.Keys;

    public string Of(TEnum member) =>
        _byMember.TryGetValue(member, out var stored) ? stored : throw new ArgumentOutOfRangeException(nameof(member), member, null);

    public TEnum Parse(string stored) =>
        TryParse(stored, out var member) ? member : throw new FormatException($"« {stored} » is no stored {typeof(TEnum).Name}.");

    /// <summary>The stored string, its case ignored (for people typing query strings).</summary>
    public bool TryParse(string? stored, out TEnum member)
    {
        member = default;
        return stored is not null && _byStored.TryGetValue(stored, out member);
    }

    string IStoredValues.Of(Enum member) => Of((TEnum)member);

    Enum IStoredValues.Parse(string stored) => Parse(stored);
}
