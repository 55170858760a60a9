using Enki.Domain.Logbook;

namespace Enki.Infrastructure.Logbook;

/// <summary>Filters of the main courante; all optional, combined with "and".</summary>
public sealed record LogbookQuery(
    LogbookEntryKind? Kind = null, string? Author = null, string? Organisation = null, string? Tag = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? Text = null, int Skip = 0, int Take = 50);

/// <param name="CorrectedIds">Entries of this page that a later entry corrects.</param>
public sealed record LogbookPage(IReadOnlyList<LogbookEntry> Items, int Total, IReadOnlySet<Guid> CorrectedIds);
