namespace Enki.Domain.Geography;

/// <summary>Normalizes user-supplied codes (INSEE, department, zone) before lookups.</summary>
internal static class GeographyCode
{
    /// <summary>Trimmed code, or null when blank so that lookups answer "not found" instead of throwing.</summary>
    public static string? Normalize(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    /// <summary>Codes such as "2A004" or "sud-est" are matched whatever their case.</summary>
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;
}
