using System.Globalization;
using Enki.Domain.Geography;
using Enki.Domain.History;

namespace Enki.Web.Components.History;

/// <summary>
/// A live screen looked at in the past: the instant and the clock its address names
/// (<c>?a=2026-12-02T02:10&amp;horloge=tel-que-c-etait</c>), the instant in the territory's local time
/// unless an offset is given. No <c>a</c>: the screen is live.
/// </summary>
public sealed record PastView(DateTimeOffset Instant, HistoryClock Clock)
{
    public const string InstantParameter = "a";
    public const string ClockParameter = "horloge";
    private const string AsKnownWord = "tel-que-connu";
    private const string AsItWasWord = "tel-que-c-etait";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The clock's word in an address; none for the default (as known).</summary>
    public static string? ClockWord(HistoryClock clock) => clock == HistoryClock.AsKnown ? null : AsItWasWord;

    /// <summary>What the address asks for: live (no <c>a</c>), a past view, or a French message saying what is wrong.</summary>
    public static PastRequest Read(string? instant, string? clock, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(instant)) return PastRequest.Live;
        if (PastInstant.Parse(instant, zone) is not { } at)
        {
            return PastRequest.Refused($"« {instant} » n'est pas un instant lisible. Écrivez-le 2026-12-02T02:10 (heure locale du territoire) ou avec un décalage (…Z, …+01:00).");
        }
        HistoryClock? chosen = clock?.Trim().ToLowerInvariant() switch
        {
            null or "" or AsKnownWord => HistoryClock.AsKnown,
            AsItWasWord => HistoryClock.AsItWas,
            _ => null,
        };
        return chosen is { } known
            ? new PastRequest(new PastView(at, known), null)
            : PastRequest.Refused($"« {clock} » n'est pas une horloge connue : « {AsKnownWord} » (tel que connu à l'instant) ou « {AsItWasWord} » (tel que c'était, messages tardifs compris).");
    }

    /// <summary>The instant as the address writes it, in the territory's local time: « 2026-12-02T02:10 ».</summary>
    public static string InstantText(DateTimeOffset instant, TimeZoneInfo zone) =>
        TerritoryClock.Local(instant, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>« Situation au 2 déc. 2026 à 02:10 — telle que connue à cet instant ».</summary>
    public string Title(TimeZoneInfo zone)
    {
        var local = TerritoryClock.Local(Instant, zone);
        var clock = Clock == HistoryClock.AsKnown ? "telle que connue à cet instant" : "telle qu'elle était (messages tardifs compris)";
        return $"Situation au {local.ToString("d MMM yyyy", French)} à {local:HH:mm} — {clock}";
    }
}

/// <summary>An address's past: <see cref="View"/> when it names a readable instant, <see cref="Error"/> when not; neither: live.</summary>
public sealed record PastRequest(PastView? View, string? Error)
{
    public static readonly PastRequest Live = new(null, null);

    public static PastRequest Refused(string error) => new(null, error);

    public bool IsLive => View is null && Error is null;
}
