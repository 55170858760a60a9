using Enki.Domain.Access;

namespace Enki.Domain.Geography;

/// <summary>
/// Territories found by what people type: a name (« Chelles », « saint denis ») or a code
/// (« 77108 », « 77 »). The exact name first, then names starting with the text, then the others
/// (<see cref="PlaceSearch"/>); among equals wider territories first, then the most populated:
/// « Saint-Denis » finds the big one before the hamlets of the same name.
/// </summary>
public static class TerritorySearch
{
    /// <param name="withWideScales">Also the defence zones and the national level (an organisation taking part in a crisis can be one).</param>
    public static IEnumerable<Jurisdiction> Find(FrenchGeography geography, string? text, bool withWideScales)
    {
        if ((text?.Trim().Length ?? 0) < 2) return [];
        var wanted = PlaceSearch.Key(text);
        var trimmed = text!.Trim();
        var candidates = new List<(Jurisdiction Place, int Rank, int Width, int Population)>();
        foreach (var entry in geography.Names.Entries)
        {
            if (entry.IsWideScale && !withWideScales) continue;
            int? rank = entry.Code.Equals(trimmed, StringComparison.OrdinalIgnoreCase) ? PlaceSearch.Exact
                : entry.Code.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase) ? PlaceSearch.StartsWith
                : PlaceSearch.RankKey(entry.Key, wanted);
            if (rank is { } r) candidates.Add((entry.Place, r, entry.Width, entry.Population));
        }
        return candidates
            .OrderBy(c => c.Rank).ThenByDescending(c => c.Width).ThenByDescending(c => c.Population)
            .Select(c => c.Place);
    }
}
