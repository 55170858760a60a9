using System.Text;

namespace Enki.Infrastructure.Organisations;

/// <summary>One record of a CSV file with the line it starts on (1 = header).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A small CSV reader for spreadsheets' exports: UTF-8 with or without BOM, <c>;</c> or <c>,</c>
/// (the header decides), fields optionally in double quotes (doubled quotes, line breaks inside).
/// </summary>
public static class CsvText
{
    public static async Task<string> ReadUtf8Async(Stream stream, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The separator the header line uses most: <c>;</c> (French spreadsheets) or <c>,</c>.</summary>
    public static char DetectSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return header.Count(c => c == ',') > header.Count(c => c == ';') ? ',' : ';';
    }

    public static IEnumerable<CsvRecord> Read(string text, char separator)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && field.Length == 0) quoted = true;
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Any(f => f.Length > 0)) yield return new CsvRecord(start, [.. fields]);
                fields.Clear();
                line++;
                start = line;
            }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        if (fields.Any(f => f.Length > 0)) yield return new CsvRecord(start, [.. fields]);
    }
}
