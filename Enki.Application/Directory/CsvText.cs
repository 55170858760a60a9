using System.Text;
using CsvHelper;

namespace Enki.Application.Directory;

/// <summary>One record of a CSV file with the line it starts on (1 = header).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Spreadsheets' exports read through CsvHelper: UTF-8 with or without BOM, <c>;</c> or <c>,</c> (detected
/// from the header), fields optionally in double quotes (doubled quotes, line breaks inside).
/// </summary>
public static class CsvText
{
    public static async Task<string> ReadUtf8Async(Stream stream, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Every record, header first; lines with no value at all (a spreadsheet's trailing <c>;;;</c>) are passed over.</summary>
    public static IEnumerable<CsvRecord> Read(string text)
    {
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { HasHeader = false, TrackLineNumbers = true });
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
            if (fields.Any(f => f.Length > 0)) yield return new CsvRecord((int)reader.LineNumber, fields);
        }
    }
}
