using Enki.Domain.Access;

namespace Enki.Domain.Warnings;

public enum WarningSubjectKind
{
    Incident,
    MobilisationRequest,
    Territory,
}

/// <summary>Where a warning happened: its codes let every reader's jurisdiction filter it.</summary>
public sealed record WarningPlace(string? CommuneCode, string? DepartmentCode, string? ZoneCode) : ILocatedInTerritory;

/// <summary>A warning a rule asks for, before it is raised (recipients and deliveries are the store's business).</summary>
public sealed record WarningDraft(
    WarningRule Rule, string Title, string Detail, WarningSubjectKind SubjectKind, Guid? SubjectId, WarningPlace Place, DateTimeOffset OccurredAt);
