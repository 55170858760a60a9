using Enki.Domain.Access;

namespace Enki.Domain.Logbook;

/// <summary>What a main-courante entry records (stable codes, French labels in the UI).</summary>
public enum LogbookEntryKind
{
    Information,
    Decision,
    Request,
    Action,
    SituationReport,
}

/// <summary>
/// The main courante (logbook) of crises: append-only. Other features (mobilisation requests, crisis
/// changes) record what happened through this port; nothing is ever edited or deleted — a correction
/// is a new entry pointing at the one it corrects.
/// </summary>
public interface ILogbook
{
    /// <summary>Appends an entry to a crisis's logbook and returns its id.</summary>
    Task<Guid> AppendAsync(Guid crisisId, Viewer author, LogbookEntryKind kind, string text,
        IReadOnlyList<string>? tags = null, Guid? corrects = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an action the actor took elsewhere on something linked to the crisis (a mayor answering a
    /// mobilisation request): the crisis must be visible to them, but no contribution right is needed —
    /// the logbook must hold every step, whoever took it.
    /// </summary>
    Task<Guid> RecordAsync(Guid crisisId, Viewer actor, LogbookEntryKind kind, string text,
        IReadOnlyList<string>? tags = null, CancellationToken cancellationToken = default);

    /// <summary>Several entries by one author in one commit: all are written or none (a situation and its outlook).</summary>
    Task AppendAllAsync(Guid crisisId, Viewer author, IReadOnlyList<(LogbookEntryKind Kind, string Text, IReadOnlyList<string>? Tags)> entries,
        CancellationToken cancellationToken = default);
}
