using Enki.Domain.Geography;
using Enki.Domain.Logbook;

namespace Enki.Infrastructure.Logbook;

/// <summary>The columns every export of a main courante carries, in French, times in the territory's local time.</summary>
public static class LogbookRows
{
    public static readonly string[] Headers = ["Date et heure", "Type", "Auteur", "Organisation", "Texte", "Mots-clés", "Identifiant", "Corrige"];

    public static IEnumerable<string[]> Of(IEnumerable<LogbookEntry> entries, string? departmentCode) =>
        entries.Select(e => new[]
        {
            TerritoryClock.Local(e.At, departmentCode).ToString("yyyy-MM-dd HH:mm:ss"),
            e.Kind.French(),
            e.AuthorName,
            e.AuthorOrganisation ?? "",
            e.Text,
            string.Join(", ", e.Tags),
            e.Id.ToString(),
            e.Corrects?.ToString() ?? "",
        });
}
