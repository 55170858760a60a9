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

    /// <summary>
    /// What one A4 sheet holds, in lines of list text: a section heading counts two, the figures table six.
    /// Measured on the PDF (8.5 pt lines under 11 pt headings); the printed page is of the same density.
    /// </summary>
    public const int LinesPerSheet = 56;

    /// <summary>Longest text of a list line: two printed lines at most, the rest is in the main courante.</summary>
    public const int MaxLineText = 140;

    /// <summary>
    /// The sections with as many lines per list as one sheet holds: every list is cut to the same length,
    /// from <see cref="SituationReport.PerList"/> down to one, and says how many it leaves out.
    /// </summary>
    public static IReadOnlyList<ReportSection> Of(SituationReport report)
    {
        for (var perList = SituationReport.PerList; perList > 1; perList--)
        {
            var sections = Of(report, perList);
            if (EstimatedLines(report, sections) <= LinesPerSheet) return sections;
        }
        return Of(report, 1);
    }

    /// <summary>Estimated height of the report in list lines (see <see cref="LinesPerSheet"/>).</summary>
    public static int EstimatedLines(SituationReport report, IReadOnlyList<ReportSection> sections)
    {
        static int Wrapped(string text, int perLine) => Math.Max(1, (text.Length + perLine - 1) / perLine);
        // The pilot's text runs beside the map, narrower than the lists.
        var lines = 4 + (report.Situation is { } s ? Wrapped(s.Text, 80) + 1 : 1) + 6;
        foreach (var section in sections)
        {
            lines += 2;
            foreach (var block in section.Blocks.Where(b => b.IsShown))
            {
                if (block.Heading is not null) lines++;
                if (block.Lines.Count == 0) lines++;
                lines += block.Lines.Sum(l => Wrapped($"{l.Text}  ·  {l.Note}", 110));
            }
        }
        return lines;
    }

    public static IReadOnlyList<ReportSection> Of(SituationReport report, int perList)
    {
        var when = new Times(report.At, report.DepartmentCode);

        IReadOnlyList<ReportLine> Requests(IReadOnlyList<ReportRequest> requests, Func<ReportRequest, ReportLine> line) =>
            Cut(requests, line);
        IReadOnlyList<ReportLine> Cut<T>(IReadOnlyList<T> items, Func<T, ReportLine> line) =>
            [.. items.Take(perList).Select(line), .. More(items.Count)];
        IEnumerable<ReportLine> More(int count) =>
            count > perList ? [new ReportLine(null, $"… et {French.Count(count - perList, "autre", "autres")}")] : [];
        ReportLine Entry(LogbookEntry e) => new(when.Of(e.At), Short(e.Text), e.AuthorOrganisation ?? e.AuthorName);
        string Deadline(ReportRequest r) => $"échéance {when.Of(r.Deadline)}";

        var incidents = report.Incidents;
        var situation = new ReportSection(Situation,
        [
            new ReportBlock($"Incidents rattachés ({report.ActiveIncidents} en cours sur {incidents.Count})",
            Cut(incidents, i => new ReportLine(when.Of(i.OpenedAt), $"{i.ShortNature} — {i.Commune}",
                string.Join(" · ", new[] { i.IsActive ? "en cours" : i.Status.French().ToLowerInvariant(), i.VictimsText,
                    i.EngagedResources > 0 ? French.Count(i.EngagedResources, "moyen", "moyens") : "" }.Where(s => s.Length > 0)))),
            "Aucun incident rattaché à la crise."),
        ]);

        var engaged = report.RequestsIn(RequestState.Accepted, RequestState.InProgress);
        var resources = new ReportSection("Moyens engagés",
        [
            new ReportBlock(null, [new ReportLine(null,
                $"{French.Count(report.Figures.EngagedResources, "moyen de secours engagé", "moyens de secours engagés")} sur "
                + $"{French.Count(report.Figures.InProgress, "incident en cours", "incidents en cours")}.")]),
            new ReportBlock("Moyens communaux mobilisés (demandes acceptées ou en cours)", Requests(engaged, r =>
                new ReportLine(when.Of(r.UpdatedAt), $"{r.What} — {r.Recipient}", $"{r.Status.French().ToLowerInvariant()} · {Deadline(r)}")),
                "Aucune demande acceptée ni en cours."),
        ]);

        var done = report.RequestsIn(RequestState.Completed);
        var actions = new ReportSection("Actions menées",
        [
            new ReportBlock("Décisions", Cut(report.Decisions, Entry), "Aucune décision enregistrée."),
            new ReportBlock("Actions", Cut(report.Actions, Entry), "Aucune action enregistrée."),
            new ReportBlock("Demandes réalisées", Requests(done, r => new ReportLine(when.Of(r.UpdatedAt), $"{r.What} — {r.Recipient}", Short(r.Object)))),
        ]);

        var late = report.RequestsIn(RequestState.Overdue);
        var waiting = report.RequestsIn(RequestState.Pending);
        var pending = new ReportSection("Demandes en cours",
        [
            new ReportBlock("En retard", Requests(late, r =>
                new ReportLine(when.Of(r.Deadline), $"{r.What} — {r.Recipient}", $"{r.Status.French().ToLowerInvariant()}, échéance dépassée", IsAlert: true))),
            new ReportBlock("En attente de réponse", Requests(waiting, r => new ReportLine(when.Of(r.Deadline), $"{r.What} — {r.Recipient}", Deadline(r))),
                late.Count == 0 ? "Aucune demande en attente." : null),
        ]);

        var refused = report.RequestsIn(RequestState.Refused);
        var needs = new ReportSection("Besoins",
        [
            new ReportBlock("Demandes refusées (besoin non couvert)", Requests(refused, r =>
                new ReportLine(when.Of(r.UpdatedAt), $"{r.What} — {r.Recipient}", $"motif : {Short(r.RefusalReason ?? "non précisé")}", IsAlert: true))),
            new ReportBlock("Besoins exprimés", Cut(report.Needs, Entry), refused.Count == 0 ? "Aucun besoin exprimé." : null),
        ]);

        var outlook = new ReportSection("Perspectives",
        [
            new ReportBlock(null, report.Outlook is { } o ? [Entry(o)] : [],
                "Aucune perspective rédigée par un pilote."),
            new ReportBlock("Prochaines échéances", Cut(report.NextDeadlines.Take(perList).ToList(), r =>
                new ReportLine(when.Of(r.Deadline), $"{r.What} — {r.Recipient}", r.Status.French().ToLowerInvariant()))),
        ]);

        return [situation, resources, actions, pending, needs, outlook];
    }

    private static string Short(string text) => text.Length <= MaxLineText ? text : $"{text[..(MaxLineText - 1)].TrimEnd()}…";

    /// <summary>Local times of the crisis's territory: the hour for today, the date too otherwise.</summary>
    public sealed class Times(DateTimeOffset now, string? departmentCode)
    {
        private readonly DateTime _today = TerritoryClock.Local(now, departmentCode).Date;

        public string Of(DateTimeOffset instant)
        {
            var local = TerritoryClock.Local(instant, departmentCode);
            return local.ToString(local.Date == _today ? "HH:mm" : "dd/MM HH:mm");
        }
    }
}
