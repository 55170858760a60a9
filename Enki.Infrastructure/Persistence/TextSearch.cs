namespace Enki.Infrastructure.Persistence;

/// <summary>
/// Free text typed by a person, as a LIKE pattern matched against <c>lower(column)</c>: case-insensitive
/// on every engine (SQLite's LIKE ignores ASCII case, PostgreSQL's does not), with the person's
/// <c>%</c>, <c>_</c> and <c>\</c> taken literally (escape character <see cref="Escape"/>).
/// </summary>
public static class TextSearch
{
    public const string Escape = "\\";

    public static string ContainsPattern(string text) =>
        "%" + text.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
