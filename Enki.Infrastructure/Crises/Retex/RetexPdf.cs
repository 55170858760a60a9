using Enki.Domain.Crises;
using Enki.Domain.Geography;
using Enki.Infrastructure.Crises.Report;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static Enki.Infrastructure.Crises.Report.PdfReportParts;

namespace Enki.Infrastructure.Crises.Retex;

/// <summary>
/// The RETEX as a PDF (PDFsharp, the point de situation's building blocks) under the usual after-action
/// headings: chronologie (both times, late lines in red), chiffres par heure, points forts, axes
/// d'amélioration, actions correctives with owner and deadline. As many A4 pages as it takes.
/// </summary>
public static class RetexPdf
{
    public const string Timeline = "Chronologie";
    public const string Hours = "Chiffres par heure";
    public const string Strengths = "Points forts";
    public const string Improvements = "Axes d'amélioration";
    public const string Actions = "Actions correctives";

    private const double TimeColumn = 52;

    public static byte[] Write(RetexDocument retex)
    {
        ReportFontResolver.EnsureInstalled();
        var crisis = retex.Crisis;
        using var document = new PdfDocument();
        document.Info.Title = $"RETEX — {crisis.Title}";
        document.Info.Author = "Enki";
        document.Info.Subject = $"Retour d'expérience — {crisis.Type.French()}";
        using (var flow = new PdfFlow(document))
        {
            Header(flow, retex);
            Heading(flow, $"1. {Timeline}");
            TimelineLines(flow, retex);
            Heading(flow, $"2. {Hours}");
            HourLines(flow, retex);
            Heading(flow, $"3. {Strengths}");
            Paragraph(flow, retex.Strengths);
            Heading(flow, $"4. {Improvements}");
            Paragraph(flow, retex.Improvements);
            Heading(flow, $"5. {Actions}");
            ActionLines(flow, retex);
        }
        var local = TerritoryClock.Local(retex.At, retex.DepartmentCode);
        Footers(document, $"Enki — RETEX « {crisis.Title} » établi le {local:dd/MM/yyyy à HH:mm} · {RetexState.Of(retex)}");
        return Bytes(document);
    }

    private static void Header(PdfFlow flow, RetexDocument retex)
    {
        var crisis = retex.Crisis;
        var small = PdfFlow.Font(8.5);
        flow.Text("RETOUR D'EXPÉRIENCE (RETEX)" + (crisis.IsExercise ? " — EXERCICE" : ""), PdfFlow.Font(9, bold: true), RedBrush, flow.Left, flow.Width);
        flow.Text(crisis.Title, PdfFlow.Font(16, bold: true), Ink, flow.Left, flow.Width);
        var start = TerritoryClock.Local(crisis.StartedAt, retex.DepartmentCode);
        var end = crisis.EndedAt is { } ended ? $" au {TerritoryClock.Local(ended, retex.DepartmentCode):dd/MM/yyyy HH:mm}" : " (en cours)";
        flow.Text($"{crisis.Type.French()} · {string.Join(", ", crisis.Territories.Select(t => t.Name))} · du {start:dd/MM/yyyy HH:mm}{end}",
            small, Grey, flow.Left, flow.Width);
        flow.Text(RetexState.Of(retex), PdfFlow.Font(8.5, bold: true), retex.Review?.IsFrozen == true ? NavyBrush : Grey, flow.Left, flow.Width);
        flow.Y += 3;
        flow.Graphics.DrawLine(new XPen(XColors.Black, 1.5), flow.Left, flow.Y, flow.Left + flow.Width, flow.Y);
        flow.Y += 6;
    }

    private static void TimelineLines(PdfFlow flow, RetexDocument retex)
    {
        var text = PdfFlow.Font(8);
        var bold = PdfFlow.Font(8, bold: true);
        flow.Text("Heures locales. « Survenu » : quand c'est arrivé (heure NexSIS pour une intervention) ; « connu » : quand Enki l'a appris.",
            PdfFlow.Font(7.5), Grey, flow.Left, flow.Width);
        if (retex.Timeline.Count == 0) flow.Text("Rien à retracer.", text, Grey, flow.Left + 8, flow.Width - 8);
        var x = flow.Left + TimeColumn * 2;
        var width = flow.Width - TimeColumn * 2;
        foreach (var line in retex.Timeline)
        {
            flow.Room(text.GetHeight() * 2.3);
            var occurred = TerritoryClock.Local(line.OccurredAt, retex.DepartmentCode);
            var recorded = TerritoryClock.Local(line.RecordedAt, retex.DepartmentCode);
            flow.Graphics.DrawString($"{occurred:dd/MM HH:mm}", bold, Ink, new XRect(flow.Left, flow.Y, TimeColumn, 10), XStringFormats.TopLeft);
            flow.Graphics.DrawString(line.IsLate ? $"connu {recorded:HH:mm}" : "", text, RedBrush,
                new XRect(flow.Left + TimeColumn, flow.Y, TimeColumn, 10), XStringFormats.TopLeft);
            flow.Text($"{line.Kind.French()} — {line.Text}", text, line.IsLate ? RedBrush : Ink, x, width);
            if (line.Author is { } author) flow.Text(author, PdfFlow.Font(7), Grey, x, width);
        }
        flow.Y += 4;
    }

    private static void HourLines(PdfFlow flow, RetexDocument retex)
    {
        var text = PdfFlow.Font(8);
        flow.Text("Interventions en cours et victimes à chaque heure, telles que connues alors (entre parenthèses : telles qu'elles étaient, messages tardifs compris).",
            PdfFlow.Font(7.5), Grey, flow.Left, flow.Width);
        foreach (var hour in retex.Hours)
        {
            var (k, a) = (hour.Known, hour.Actual);
            var gap = k != a;
            var at = TerritoryClock.Local(hour.At, retex.DepartmentCode);
            flow.Room(text.GetHeight() * 1.2);
            flow.Graphics.DrawString($"{at:dd/MM HH:mm}", PdfFlow.Font(8, bold: true), Ink, new XRect(flow.Left, flow.Y, TimeColumn, 10), XStringFormats.TopLeft);
            flow.Text($"en cours {k.InProgress} ({a.InProgress}) · UA {k.Red} ({a.Red}) · UR {k.Yellow} ({a.Yellow}) · décédés {k.Deceased} ({a.Deceased}) · évacués {k.Evacuated} ({a.Evacuated})",
                text, gap ? RedBrush : Ink, flow.Left + TimeColumn, flow.Width - TimeColumn);
        }
        flow.Y += 4;
    }

    private static void Paragraph(PdfFlow flow, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) flow.Text("Non renseigné.", PdfFlow.Font(9), Grey, flow.Left + 8, flow.Width - 8);
        else flow.Text(text, PdfFlow.Font(9.5), Ink, flow.Left, flow.Width);
        flow.Y += 4;
    }

    private static void ActionLines(PdfFlow flow, RetexDocument retex)
    {
        if (retex.Actions.Count == 0) flow.Text("Aucune action corrective.", PdfFlow.Font(9), Grey, flow.Left + 8, flow.Width - 8);
        var number = 1;
        foreach (var action in retex.Actions)
        {
            flow.Text($"{number++}. {action.Text}", PdfFlow.Font(9.5, bold: true), Ink, flow.Left, flow.Width);
            flow.Text($"Responsable : {action.Owner} · échéance : {action.Deadline?.ToString("dd/MM/yyyy") ?? "non fixée"}",
                PdfFlow.Font(8.5), Grey, flow.Left + 12, flow.Width - 12);
        }
    }
}
