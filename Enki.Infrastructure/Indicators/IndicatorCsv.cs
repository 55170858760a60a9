using System.Globalization;
using CsvHelper;
using Enki.Domain.Indicators;
using Enki.Infrastructure.Logbook;

namespace Enki.Infrastructure.Indicators;

/// <summary>
/// An indicator as CSV for French Excel (the logbook export's options: UTF-8 with a byte-order mark, ";",
/// formula injection escaped): the API's field names as headers, times in ISO 8601 with the territory's
/// offset, numbers with a decimal comma.
/// </summary>
public static class IndicatorCsv
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Write(IndicatorResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, LogbookCsv.Options, leaveOpen: true))
        {
            foreach (var header in new[] { "at", "area", "areaName", "category", "categoryLabel" }.Concat(result.Definition.Measures.Select(m => m.Code)))
            {
                writer.WriteField(header);
            }
            writer.EndRecord();
            foreach (var row in result.Rows)
            {
                writer.WriteField(row.At?.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture) ?? "");
                foreach (var text in new[] { row.Area, row.AreaName, row.Category, row.CategoryLabel }) writer.WriteField(text ?? "");
                foreach (var value in row.Values) writer.WriteField(value?.ToString("0.####", French) ?? "");
                writer.EndRecord();
            }
            writer.Flush();
        }
        return stream.ToArray();
    }
}
