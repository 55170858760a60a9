using Enki.Domain.Crises;
using Enki.Domain.Crises.Retex;

namespace Enki.Infrastructure.Crises.Retex;

/// <summary>
/// A crisis's after-action review (retour d'expérience): the timeline of what happened with both times,
/// the figures at each hour, the requests and their outcome, the warnings and their acknowledgement, and
/// the pilots' headings (<see cref="Review"/>, null until one writes). Callers' personal data never enter it.
/// </summary>
public sealed record RetexDocument(
    Crisis Crisis,
    DateTimeOffset At,
    AfterActionReview? Review,
    IReadOnlyList<RetexLine> Timeline,
    IReadOnlyList<RetexHour> Hours,
    IReadOnlyList<RetexRequest> Requests,
    IReadOnlyList<RetexWarning> Warnings)
{
    public string? DepartmentCode => Crisis.Territories.FirstOrDefault()?.DepartmentCode;

    public string Strengths => Review?.Strengths ?? "";

    public string Improvements => Review?.Improvements ?? "";

    public IReadOnlyList<CorrectiveAction> Actions => Review?.Actions ?? [];
}
