using System.Text.RegularExpressions;

namespace Enki.Web.Components.Crises.Logbook;

/// <summary>
/// A logbook entry's text cut where it quotes a NexSIS case id (« Incendie à Chelles (fr.fire.sis077.cga-077.1234) »),
/// so that the id shows as a link to its incident rather than as a bare code.
/// </summary>
public static partial class LogbookText
{
    public sealed record Part(string Text, bool IsCaseId);

    // RC-EDA case ids: {country}.{domain}.{organisation}.{sender case id}, quoted in parentheses by the crisis commands.
    [GeneratedRegex(@"(?<=\()[a-z]{2}\.[a-z]+\.[\w-]+(?:\.[\w-]+)+(?=\))")]
    private static partial Regex CaseId();

    public static IReadOnlyList<Part> Parts(string text)
    {
        var parts = new List<Part>();
        var at = 0;
        foreach (Match match in CaseId().Matches(text))
        {
            if (match.Index > at) parts.Add(new Part(text[at..match.Index], false));
            parts.Add(new Part(match.Value, true));
            at = match.Index + match.Length;
        }
        if (at < text.Length) parts.Add(new Part(text[at..], false));
        return parts;
    }
}
