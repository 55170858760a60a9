using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Enki.Domain.Geography;

/// <summary>
/// How a typed place name is matched, the same in every picker: accents, case, hyphens and
/// apostrophes ignored (« saint denis » finds Saint-Denis), the exact name first, then the names
/// starting with the text, then those containing it (« Meaux » is Meaux before Crégy-lès-Meaux).
/// </summary>
public static class PlaceSearch
{
    public const int Exact = 0, StartsWith = 1, Contains = 2;

    // Thirty-five thousand commune names are matched at every keystroke: their keys are computed once.
    private static readonly ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);

    /// <summary>« Crégy-lès-Meaux » → « cregy les meaux ».</summary>
    public static string Key(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Keys.Count < 100_000 ? Keys.GetOrAdd(text, Normalise) : Normalise(text);

    /// <summary>0 exact, 1 starts with, 2 contains, null when the name does not match the typed key.</summary>
    public static int? Rank(string name, string wantedKey)
    {
        if (wantedKey.Length == 0) return null;
        return RankKey(Key(name), wantedKey);
    }

    /// <summary><see cref="Rank"/> of a name whose key is already computed.</summary>
    public static int? RankKey(string key, string wantedKey)
    {
        if (wantedKey.Length == 0) return null;
        if (key == wantedKey) return Exact;
        if (key.StartsWith(wantedKey, StringComparison.Ordinal)) return StartsWith;
        return key.Contains(wantedKey, StringComparison.Ordinal) ? Contains : null;
    }

    /// <summary>The items whose name (or code, from its start) matches, best match first, then by <paramref name="weight"/> descending.</summary>
    public static IEnumerable<T> Find<T>(IEnumerable<T> items, string? text, Func<T, string> name, Func<T, string>? code = null, Func<T, int>? weight = null)
    {
        var wanted = Key(text);
        if (wanted.Length == 0) return [];
        var trimmed = text!.Trim();
        return items
            .Select(item => (Item: item, Rank: code is not null && code(item).StartsWith(trimmed, StringComparison.OrdinalIgnoreCase)
                ? (code(item).Length == trimmed.Length ? Exact : StartsWith)
                : Rank(name(item), wanted)))
            .Where(m => m.Rank is not null)
            .OrderBy(m => m.Rank).ThenByDescending(m => weight?.Invoke(m.Item) ?? 0)
            .Select(m => m.Item);
    }

    /// <summary><see cref="Key"/> without the cache, for keys computed once and kept by their owner.</summary>
    public static string Normalise(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var kept = ch is '-' or '\'' or '’' or '_' ? ' ' : ch;
            // One space between words, however they were separated.
            if (kept == ' ' && (builder.Length == 0 || builder[^1] == ' ')) continue;
            builder.Append(kept);
        }
        return builder.ToString().TrimEnd();
    }
}
