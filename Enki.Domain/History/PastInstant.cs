using System.Globalization;
using System.Text.RegularExpressions;
using Enki.Domain.Geography;

namespace Enki.Domain.History;

/// <summary>
/// An instant as a crisis room writes it: « 2026-12-02T02:10 » is the territory's local time (Paris,
/// or an overseas department's own); « …Z » or « …+01:00 » is taken as given.
/// </summary>
public static partial class PastInstant
{
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (WithOffset().IsMatch(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var given) ? given.ToUniversalTime() : null;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TerritoryClock.FromLocal(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone).ToUniversalTime()
            : null;
    }

    public static HistoryClock? ParseClock(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "as-known" => HistoryClock.AsKnown,
        "as-it-was" => HistoryClock.AsItWas,
        _ => null,
    };

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex WithOffset();
}
