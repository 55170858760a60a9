using Enki.Domain.Crises;

namespace Enki.Domain.Logbook;

/// <summary>
/// One line of a crisis's main courante. Written once, never changed: a mistake is fixed by a new
/// entry whose <see cref="Corrects"/> points at the wrong one (the store refuses updates and deletes).
/// </summary>
public sealed class LogbookEntry : Events.EventSource
{
    public const int TextMaxLength = 4000;
    public const int TagMaxLength = 40;

    private LogbookEntry()
    {
        // For the store.
        AuthorId = AuthorName = Text = TagList = null!;
        Tags = [];
    }

    public Guid Id { get; private set; }

    public Guid CrisisId { get; private set; }

    /// <summary>When it was written (UTC, server clock: entries of every author line up).</summary>
    public DateTimeOffset At { get; private set; }

    public string AuthorId { get; private set; }

    public string AuthorName { get; private set; }

    public string? AuthorOrganisation { get; private set; }

    public LogbookEntryKind Kind { get; private set; }

    public string Text { get; private set; }

    public IReadOnlyList<string> Tags { get; private set; }

    /// <summary>Tags as <c>|a|b|</c>: lets the store filter on one tag with a plain LIKE.</summary>
    public string TagList { get; private set; }

    /// <summary>The entry this one corrects, if any.</summary>
    public Guid? Corrects { get; private set; }

    /// <exception cref="CrisisRefused">Empty or too long text (French message).</exception>
    public static LogbookEntry Write(Guid crisisId, string authorId, string authorName, string? authorOrganisation,
        LogbookEntryKind kind, string text, IEnumerable<string>? tags, Guid? corrects, DateTimeOffset at)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0) throw new CrisisRefused("Le texte de l'entrée est obligatoire.");
        if (text.Length > TextMaxLength) throw new CrisisRefused($"Le texte dépasse {TextMaxLength} caractères.");
        var cleanTags = NormaliseTags(tags);
        var entry = new LogbookEntry
        {
            Id = Guid.CreateVersion7(at),
            CrisisId = crisisId,
            At = at.ToUniversalTime(),
            AuthorId = authorId,
            AuthorName = authorName,
            AuthorOrganisation = string.IsNullOrWhiteSpace(authorOrganisation) ? null : authorOrganisation,
            Kind = kind,
            Text = text,
            Tags = cleanTags,
            TagList = cleanTags.Count == 0 ? "" : $"|{string.Join('|', cleanTags)}|",
            Corrects = corrects,
        };
        entry.Record(new LogbookEntryWritten(entry.CrisisId, entry.Id, kind, authorName, corrects, entry.At));
        return entry;
    }

    /// <summary>Lower-case, trimmed, no separators, no duplicates: "Évacuation " and "évacuation" are one tag.</summary>
    public static IReadOnlyList<string> NormaliseTags(IEnumerable<string>? tags) =>
        (tags ?? [])
            .SelectMany(t => (t ?? "").Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(t => t.ToLowerInvariant())
            .Select(t => t.Length > TagMaxLength ? t[..TagMaxLength] : t)
            .Distinct()
            .ToList();
}
