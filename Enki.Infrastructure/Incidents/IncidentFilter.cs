using Enki.Domain.Incidents;

namespace Enki.Infrastructure.Incidents;

/// <summary>What a list of incidents is narrowed to, on top of the viewer's jurisdiction.</summary>
/// <param name="Exercise">true: exercises only; false: real traffic only; null: both.</param>
/// <param name="From">API: updated at or after (kept as the API documents it).</param>
/// <param name="To">API: created at the sender at or before.</param>
public sealed record IncidentFilter(
    IncidentStatus? Status = null,
    string? NatureFamily = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool? Exercise = false,
    string? CommuneCode = null,
    string? DepartmentCode = null)
{
    /// <summary>Only incidents still needing attention (reported, in progress, suspended).</summary>
    public bool ActiveOnly { get; init; }

    /// <summary>Longest free text searched: keeps the LIKE bounded.</summary>
    public const int MaxTextLength = 100;

    /// <summary>Start of a nature code (<c>C04</c>, <c>C04.02</c>...).</summary>
    public string? NatureCodePrefix { get; init; }

    /// <summary>Opened by Enki at or after.</summary>
    public DateTimeOffset? OpenedFrom { get; init; }

    /// <summary>Opened by Enki before (exclusive).</summary>
    public DateTimeOffset? OpenedTo { get; init; }

    /// <summary>Free text in the case id, address, commune name or nature label.</summary>
    public string? Text { get; init; }

    public IncidentSort Sort { get; init; } = IncidentSort.Default;
}
