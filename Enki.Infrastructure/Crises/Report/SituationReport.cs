using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Incidents;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>
/// A point de situation as things stand now, under the usual French SITREP headings: the incidents
/// attached and their figures, the mobilisation requests by their current status, the decisions and
/// actions written by hand, and the latest situation and outlook a pilot wrote. Built from current
/// state (<see cref="SituationReportQueries"/>), never by sorting logbook entries by their kind.
/// </summary>
public sealed record SituationReport(
    Crisis Crisis,
    DateTimeOffset At,
    DashboardFigures Figures,
    IReadOnlyList<ReportIncident> Incidents,
    LogbookEntry? Situation,
    LogbookEntry? Outlook,
    IReadOnlyList<ReportRequest> Requests,
    IReadOnlyList<LogbookEntry> Decisions,
    IReadOnlyList<LogbookEntry> Actions,
    IReadOnlyList<LogbookEntry> Needs,
    ReportMap Map)
{
    /// <summary>Lines per list: the whole report holds on one A4 sheet.</summary>
    public const int PerList = 6;

    public string? DepartmentCode => Crisis.Territories.FirstOrDefault()?.DepartmentCode;

    public int ActiveIncidents => Incidents.Count(i => i.IsActive);

    public IReadOnlyList<ReportRequest> RequestsIn(params RequestState[] states) =>
        [.. Requests.Where(r => states.Contains(r.State)).OrderBy(r => r.Deadline)];

    /// <summary>Open requests by deadline: what is expected next.</summary>
    public IReadOnlyList<ReportRequest> NextDeadlines =>
        [.. Requests.Where(r => r.State is RequestState.Pending or RequestState.Accepted or RequestState.InProgress)
            .OrderBy(r => r.Deadline).Take(3)];
}
