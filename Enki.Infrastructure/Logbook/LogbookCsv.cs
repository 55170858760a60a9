using CsvHelper;

namespace Enki.Infrastructure.Logbook;

/// <summary>
/// CSV for French Excel: UTF-8 with a byte-order mark (else accents break) and ";" separators. Written by
/// CsvHelper, whose injection rule (OWASP's) makes any cell starting with <c>= + - @</c>, tab or CR text:
/// a logbook line typed as <c>=HYPERLINK(…)</c> must not become a formula on the préfecture's computer.
/// </summary>
public static class LogbookCsv
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ';',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static byte[] Write(IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var row in new[] { LogbookRows.Headers }.Concat(rows))
            {
                foreach (var cell in row) writer.WriteField(cell);
                writer.EndRecord();
            }
            writer.Flush();
        }
        return stream.ToArray();
    }
}
