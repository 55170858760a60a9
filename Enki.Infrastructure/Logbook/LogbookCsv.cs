using System.Text;

namespace Enki.Infrastructure.Logbook;

/// <summary>CSV for French Excel: UTF-8 with a byte-order mark (else accents break) and ";" separators.</summary>
public static class LogbookCsv
{
    public static byte[] Write(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in new[] { LogbookRows.Headers }.Concat(rows))
        {
            text.AppendJoin(';', row.Select(Quote)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
