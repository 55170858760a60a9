using System.Globalization;
using System.Text;
using Enki.Domain.Crises;
using Enki.Domain.Geography;

namespace Enki.Infrastructure.Crises;

/// <summary>
/// Names of downloaded files: what it is, the crisis's title and when it was taken, in the territory's
/// time (« point-de-situation_crue-de-la-marne_2026-11-28_10h30.pdf »), so a folder of them reads by itself.
/// </summary>
public static class ExportFileName
{
    private const int MaxTitle = 60;

    public static string Of(Crisis crisis, string what, DateTimeOffset at, string extension)
    {
        var local = TerritoryClock.Local(at, crisis.Territories.FirstOrDefault()?.DepartmentCode);
        return $"{what}_{Slug(crisis.Title)}_{local:yyyy-MM-dd}_{local:HH}h{local:mm}.{extension}";
    }

    /// <summary>Lower-case ASCII words joined by hyphens: accents dropped, anything else a separator.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= MaxTitle) break;
        }
        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "crise" : text;
    }
}
