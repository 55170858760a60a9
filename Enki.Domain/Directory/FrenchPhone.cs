using System.Diagnostics.CodeAnalysis;

namespace Enki.Domain.Directory;

/// <summary>
/// French telephone numbers, stored in international form (<c>+33199001234</c>) and shown grouped
/// (« +33 1 99 00 12 34 »). Accepts 01 99 00 12 34, 01.99.00.12.34, +33 (0)1 99…, 0033 1 99….
/// </summary>
public static class FrenchPhone
{
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? international)
    {
        international = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var value = text.Trim().Replace("(0)", "");
        if (value.Any(c => !(char.IsDigit(c) || c is ' ' or '.' or '-' or '+' or '\u00A0'))) return false;
        var digits = new string(value.Where(char.IsDigit).ToArray());
        string national;
        if (value.StartsWith('+'))
        {
            if (!digits.StartsWith("33")) return false;
            national = digits[2..];
        }
        else if (digits.StartsWith("0033"))
        {
            national = digits[4..];
        }
        else if (digits.Length == 10 && digits[0] == '0')
        {
            national = digits[1..];
        }
        else
        {
            return false;
        }
        if (national.Length != 9 || national[0] == '0') return false;
        international = "+33" + national;
        return true;
    }

    /// <summary>« +33 1 99 00 12 34 » for reading; the stored form stays the <c>tel:</c> link target.</summary>
    public static string Display(string international) =>
        international.StartsWith("+33") && international.Length == 12
            ? $"+33 {international[3]} {international[4..6]} {international[6..8]} {international[8..10]} {international[10..12]}"
            : international;
}
