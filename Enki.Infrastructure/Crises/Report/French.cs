namespace Enki.Infrastructure.Crises.Report;

/// <summary>Counts in words as a printed report says them (« 1 moyen », « 3 moyens », « 0 moyen »).</summary>
internal static class French
{
    /// <summary>French puts zero and one in the singular.</summary>
    public static string Count(int count, string singular, string plural) => $"{count} {(count <= 1 ? singular : plural)}";
}
