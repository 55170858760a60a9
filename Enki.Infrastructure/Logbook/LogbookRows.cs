using Enki.Domain.Geography;
using Enki.Domain.Logbook;

namespace Enki.Infrastructure.Logbook;

/// <summary>The columns every export of a main courante carries, in French, times in the territory's local time.</summary>
public static class LogbookRows
{
    public static readonly string[] Headers = ["Date et heure", "Type", "Auteur", "Organisation", "Texte", "Mots-clés", "Identifiant", "Corrige"];

    public static IEnumerable<string[]> Of(IEnumerable<LogbookEntry> entries, string? departmentCode) =>
        entries.Select(e => Cells(e, departmentCode));

    /// <summary>The entry's time on the territory's wall clock (spreadsheets have no time zones).</summary>
    public static DateTime LocalTime(LogbookEntry entry, string? departmentCode) => TerritoryClock.Local(entry.At, departmentCode).DateTime;

    public static string[] Cells(LogbookEntry e, string? departmentCode) =>
    [
        LocalTime(e, departmentCode).ToString("yyyy-MM-dd HH:mm:ss"),
        e.Kind.French(),
        e.AuthorName,
        e.AuthorOrganisation ?? "",
        e.Text,
        string.Join(", ", e.Tags),
        e.Id.ToString(),
        e.Corrects?.ToString() ?? "",
    ];
}
