namespace Enki.Domain.Warnings;

/// <summary>
/// A person's quiet hours in their territory's local time (<c>22:00–07:00</c> crosses midnight).
/// Only warnings of rules marked urgent interrupt them; the others wait silently in the notification centre.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly To)
{
    public bool Contains(TimeOnly local) =>
        From == To ? false
        : From < To ? local >= From && local < To
        : local >= From || local < To;

    /// <summary>Whether a warning may interrupt the person now (<paramref name="local"/> in their territory's time).</summary>
    public static bool MayInterrupt(QuietHours? quiet, bool urgent, DateTimeOffset local) =>
        urgent || quiet is null || !quiet.Contains(TimeOnly.FromDateTime(local.DateTime));

    public override string ToString() => $"{From:HH\\:mm}–{To:HH\\:mm}";
}
