using System.Globalization;
using System.Text;

namespace Enki.Infrastructure.Nexsis.Nomenclature;

/// <summary>
/// Whether the label a sender put next to a nature code says the same as the embedded list. Senders
/// write it their way (« Incendie|Bâtiment d'habitation », accents, apostrophes, case): the same
/// words in any of these forms agree; other words mean the two lists disagree on the code.
/// </summary>
public static class NatureLabels
{
    public static bool Agree(CodedLabel known, string? sent)
    {
        if (string.IsNullOrWhiteSpace(sent))
        {
            return true;
        }
        var ours = Normalise(known.Label);
        var full = Normalise(known.FullLabel);
        var theirs = Normalise(sent);
        var last = Normalise(sent.Split('|', '›', '>', '/').Last());
        return theirs == ours || last == ours || full.Contains(theirs, StringComparison.Ordinal) || theirs.Contains(ours, StringComparison.Ordinal);
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
