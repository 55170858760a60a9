using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>One line of a report list: a time, a text, a note in grey, and whether it needs attention.</summary>
public sealed record ReportLine(string? Time, string Text, string? Note = null, bool IsAlert = false);

/// <summary>A list under a sub-heading, with what to say when it is empty (null: left out when empty).</summary>
public sealed record ReportBlock(string? Heading, IReadOnlyList<ReportLine> Lines, string? Empty = null)
{
    public bool IsShown => Lines.Count > 0 || Empty is not null;
}

/// <summary>One SITREP heading and its lists.</summary>
public sealed record ReportSection(string Title, IReadOnlyList<ReportBlock> Blocks);

/// <summary>
/// The report's lists under the French SITREP headings, composed once for both the page and the PDF:
/// situation, moyens engagés, actions menées, demandes en cours, besoins, perspectives.
/// </summary>
public static class ReportSections
{
    public const string Situation = "Situation";

    public static IReadOnlyList<ReportSection> Of(SituationReport report)
    {
        var when = new Times(report.At, report.DepartmentCode);
        var more = (int count) => count > SituationReport.PerList ? $"… et {count - SituationReport.PerList} autre(s)" : null;

        IReadOnlyList<ReportLine> Requests(IReadOnlyList<ReportRequest> requests, Func<ReportRequest, ReportLine> line) =>
            [.. requests.Take(SituationReport.PerList).Select(line), .. More(requests.Count)];
        IEnumerable<ReportLine> More(int count) => more(count) is { } text ? [new ReportLine(null, text)] : [];
        ReportLine Entry(LogbookEntry e) => new(when.Of(e.At), e.Text, e.AuthorOrganisation ?? e.AuthorName);
        string Deadline(ReportRequest r) => $"échéance {when.Of(r.Deadline)}";

        var incidents = report.Incidents;
        var situation = new ReportSection(Situation,
        [
            new ReportBlock($"Incidents rattachés ({report.ActiveIncidents} en cours sur {incidents.Count})",
            [
                .. incidents.Take(SituationReport.PerList).Select(i => new ReportLine(when.Of(i.OpenedAt), $"{i.ShortNature} — {i.Commune}",
                    string.Join(" · ", new[] { i.IsActive ? "en cours" : i.Status.French().ToLowerInvariant(), i.VictimsText,
                        i.EngagedResources > 0 ? $"{i.EngagedResources} moyen(s)" : "" }.Where(s => s.Length > 0)))),
                .. More(incidents.Count),
            ], "Aucun incident rattaché à la crise."),
        ]);

        var engaged = report.RequestsIn(RequestState.Acceptee, RequestState.EnCours);
        var resources = new ReportSection("Moyens engagés",
        [
            new ReportBlock(null, [new ReportLine(null,
                $"{report.Figures.EngagedResources} moyen(s) de secours engagé(s) sur {report.Figures.InProgress} incident(s) en cours.")]),
            new ReportBlock("Moyens communaux mobilisés (demandes acceptées ou en cours)", Requests(engaged, r =>
                new ReportLine(when.Of(r.UpdatedAt), $"{r.What} — {r.Recipient}", $"{r.Status.French().ToLowerInvariant()} · {Deadline(r)}")),
                "Aucune demande acceptée ni en cours."),
        ]);

        var done = report.RequestsIn(RequestState.Realisee);
        var actions = new ReportSection("Actions menées",
        [
            new ReportBlock("Décisions", [.. report.Decisions.Select(Entry)], "Aucune décision enregistrée."),
            new ReportBlock("Actions", [.. report.Actions.Select(Entry)], "Aucune action enregistrée."),
            new ReportBlock("Demandes réalisées", Requests(done, r => new ReportLine(when.Of(r.UpdatedAt), $"{r.What} — {r.Recipient}", r.Object))),
        ]);

        var late = report.RequestsIn(RequestState.EnRetard);
        var waiting = report.RequestsIn(RequestState.EnAttente);
        var pending = new ReportSection("Demandes en cours",
        [
            new ReportBlock("En retard", Requests(late, r =>
                new ReportLine(when.Of(r.Deadline), $"{r.What} — {r.Recipient}", $"{r.Status.French().ToLowerInvariant()}, échéance dépassée", IsAlert: true))),
            new ReportBlock("En attente de réponse", Requests(waiting, r => new ReportLine(when.Of(r.Deadline), $"{r.What} — {r.Recipient}", Deadline(r))),
                late.Count == 0 ? "Aucune demande en attente." : null),
        ]);

        var refused = report.RequestsIn(RequestState.Refusee);
        var needs = new ReportSection("Besoins",
        [
            new ReportBlock("Demandes refusées (besoin non couvert)", Requests(refused, r =>
                new ReportLine(when.Of(r.UpdatedAt), $"{r.What} — {r.Recipient}", $"motif : {r.RefusalReason ?? "non précisé"}", IsAlert: true))),
            new ReportBlock("Besoins exprimés", [.. report.Needs.Select(Entry)], refused.Count == 0 ? "Aucun besoin exprimé." : null),
        ]);

        var outlook = new ReportSection("Perspectives",
        [
            new ReportBlock(null, report.Outlook is { } o ? [Entry(o)] : [],
                "Aucune perspective rédigée par un pilote."),
            new ReportBlock("Prochaines échéances", [.. report.NextDeadlines.Select(r =>
                new ReportLine(when.Of(r.Deadline), $"{r.What} — {r.Recipient}", r.Status.French().ToLowerInvariant()))]),
        ]);

        return [situation, resources, actions, pending, needs, outlook];
    }

    /// <summary>Local times of the crisis's territory: the hour for today, the date too otherwise.</summary>
    public sealed class Times(DateTimeOffset now, string? departmentCode)
    {
        private readonly DateTime _today = TerritoryTime.Local(now, departmentCode).Date;

        public string Of(DateTimeOffset instant)
        {
            var local = TerritoryTime.Local(instant, departmentCode);
            return local.ToString(local.Date == _today ? "HH:mm" : "dd/MM HH:mm");
        }
    }
}
