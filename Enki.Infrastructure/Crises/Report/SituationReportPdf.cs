using Enki.Domain.Crises;
using Enki.Domain.Geography;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>The point de situation as a PDF (PDFsharp): the same sections as the page, the map drawn from the outlines.</summary>
public static class SituationReportPdf
{
    private const double MapWidth = 170;
    private const double TimeColumn = 46;

    /// <summary>Height of the legend under the map.</summary>
    private const double Legend = 12;

    /// <summary>Lines of the pilot's text kept when nothing else makes the report hold on one sheet.</summary>
    private const int MaxSituationLines = 5;

    private static readonly XColor Navy = PdfReportParts.Navy;
    private static readonly XColor Red = PdfReportParts.Red;
    private static readonly XBrush Ink = PdfReportParts.Ink;
    private static readonly XBrush Grey = PdfReportParts.Grey;
    private static readonly XBrush RedBrush = PdfReportParts.RedBrush;

    public static byte[] Write(SituationReport report)
    {
        ReportFontResolver.EnsureInstalled();
        // The sections are cut to one sheet by estimate; should long texts still overflow it, shorter lists, and at last
        // a shorter situation text, until the report holds on one A4 as a point de situation must.
        var attempts = new[] { ReportSections.Of(report) }
            .Concat(Enumerable.Range(1, SituationReport.PerList).Reverse().Select(perList => ReportSections.Of(report, perList)));
        foreach (var sections in attempts)
        {
            var written = Write(report, sections, clampSituation: false, out var pages);
            if (pages == 1) return written;
        }
        return Write(report, ReportSections.Of(report, 1), clampSituation: true, out _);
    }

    private static byte[] Write(SituationReport report, IReadOnlyList<ReportSection> sections, bool clampSituation, out int pages)
    {
        var crisis = report.Crisis;
        using var document = new PdfDocument();
        document.Info.Title = $"Point de situation — {crisis.Title}";
        document.Info.Author = "Enki";
        document.Info.Subject = $"{crisis.Type.French()} — {Territory(crisis)}";
        using (var flow = new PdfFlow(document))
        {
            Header(flow, report);
            var number = 1;
            foreach (var section in sections)
            {
                PdfReportParts.Heading(flow, $"{number++}. {section.Title}");
                if (section.Title == ReportSections.Situation) Situation(flow, report, section, clampSituation);
                else foreach (var block in section.Blocks.Where(b => b.IsShown)) Block(flow, block, flow.Width);
                flow.Y += 4;
            }
        }
        Footers(document, report);
        pages = document.PageCount;
        return PdfReportParts.Bytes(document);
    }

    private static string Territory(Crisis crisis) => string.Join(", ", crisis.Territories.Select(t => t.Name));

    private static void Header(PdfFlow flow, SituationReport report)
    {
        var crisis = report.Crisis;
        var local = TerritoryClock.Local(report.At, report.DepartmentCode);
        var small = PdfFlow.Font(8.5);
        flow.Graphics.DrawString($"Établi le {local:dd/MM/yyyy} à {local:HH:mm}", small, Ink,
            new XRect(flow.Left, flow.Y, flow.Width, 12), XStringFormats.TopRight);
        flow.Text("POINT DE SITUATION" + (crisis.IsExercise ? " — EXERCICE" : ""), PdfFlow.Font(9, bold: true), RedBrush, flow.Left, flow.Width - 160);
        flow.Text(crisis.Title, PdfFlow.Font(16, bold: true), Ink, flow.Left, flow.Width);
        var since = TerritoryClock.Local(crisis.StartedAt, report.DepartmentCode);
        flow.Text($"{crisis.Type.French()} · {Territory(crisis)} · crise {crisis.Status.French().ToLowerInvariant()} depuis le {since:dd/MM/yyyy HH:mm}",
            small, Grey, flow.Left, flow.Width);
        flow.Y += 3;
        flow.Graphics.DrawLine(new XPen(XColors.Black, 1.5), flow.Left, flow.Y, flow.Left + flow.Width, flow.Y);
        flow.Y += 6;
    }

    /// <summary>The pilot's text, the figures and the incidents on the left, the map on the right.</summary>
    private static void Situation(PdfFlow flow, SituationReport report, ReportSection section, bool clampSituation)
    {
        var top = flow.Y;
        var textWidth = flow.Width - MapWidth - 12;
        // The map stays beside the text and the figures: taller, it would push the lists onto a second sheet.
        var mapHeight = Math.Clamp(MapWidth * report.Map.Height / report.Map.Width, 100, 140);
        flow.Room(mapHeight + Legend);
        top = flow.Y;
        Map(flow.Graphics, report.Map, new XRect(flow.Left + textWidth + 12, top, MapWidth, mapHeight));

        if (report.Situation is { } situation)
        {
            var font = PdfFlow.Font(9.5);
            var text = situation.Text;
            if (clampSituation && flow.Wrap(text, font, textWidth) is { Count: > MaxSituationLines } lines)
            {
                text = string.Join(" ", lines.Take(MaxSituationLines)).TrimEnd() + " … (suite dans la main courante)";
            }
            flow.Text(text, font, Ink, flow.Left, textWidth);
            var at = TerritoryClock.Local(situation.At, report.DepartmentCode);
            flow.Text($"Rédigé à {at:HH:mm} le {at:dd/MM} par {situation.AuthorName}{(situation.AuthorOrganisation is { } o ? $", {o}" : "")}",
                PdfFlow.Font(7.5), Grey, flow.Left, textWidth);
        }
        else
        {
            flow.Text("Aucune situation rédigée par un pilote : à rédiger avant diffusion.", PdfFlow.Font(9.5, bold: true), RedBrush, flow.Left, textWidth);
        }
        flow.Y += 6;
        Figures(flow, report, textWidth);
        foreach (var block in section.Blocks.Where(b => b.IsShown)) Block(flow, block, textWidth);
        flow.Y = Math.Max(flow.Y, top + mapHeight + Legend) + 2;
    }

    private static void Figures(PdfFlow flow, SituationReport report, double width)
    {
        var f = report.Figures;
        (string Label, int Value)[] cells =
        [
            ("Incidents en cours", f.InProgress), ("Urgences absolues", f.VictimsRed), ("Urgences relatives", f.VictimsYellow),
            ("Décédés", f.Deceased), ("Évacués", f.Evacuated), ("Moyens engagés", f.EngagedResources),
        ];
        var cellWidth = width / 3;
        var pen = new XPen(XColor.FromArgb(0x99, 0x99, 0x99), 0.5);
        for (var i = 0; i < cells.Length; i++)
        {
            var rect = new XRect(flow.Left + i % 3 * cellWidth, flow.Y + i / 3 * 34, cellWidth, 34);
            flow.Graphics.DrawRectangle(pen, rect);
            flow.Graphics.DrawString(cells[i].Label, PdfFlow.Font(7), Grey, new XRect(rect.X, rect.Y + 3, rect.Width, 9), XStringFormats.TopCenter);
            flow.Graphics.DrawString(cells[i].Value.ToString(), PdfFlow.Font(15, bold: true), Ink, new XRect(rect.X, rect.Y + 12, rect.Width, 20), XStringFormats.TopCenter);
        }
        flow.Y += 68;
    }

    private static void Map(XGraphics graphics, ReportMap map, XRect box)
    {
        graphics.DrawRectangle(new XPen(XColor.FromArgb(0xcc, 0xcc, 0xcc), 0.5), new XSolidBrush(XColor.FromArgb(0xf7, 0xf8, 0xfa)), box);
        if (map.IsEmpty) return;
        var scale = Math.Min(box.Width / map.Width, box.Height / map.Height);
        var (dx, dy) = (box.X + (box.Width - map.Width * scale) / 2, box.Y + (box.Height - map.Height * scale) / 2);
        XPoint P(MapPoint p) => new(dx + p.X * scale, dy + p.Y * scale);
        var communePen = new XPen(XColor.FromArgb(0xb0, 0xb7, 0xc3), 0.3);
        var edgePen = new XPen(Navy, 1.1);
        var edgeFill = new XSolidBrush(XColor.FromArgb(0xe8, 0xee, 0xfa));
        foreach (var shape in map.Shapes.OrderBy(s => s.IsEdge ? 0 : 1))
        {
            // Edges first, filled; communes over them in thin lines; edges drawn again last so they stay on top.
            var path = new XGraphicsPath { FillMode = XFillMode.Alternate };
            foreach (var ring in shape.Rings.Where(r => r.Count > 2))
            {
                path.StartFigure();
                path.AddPolygon([.. ring.Select(P)]);
                path.CloseFigure();
            }
            if (shape.IsEdge) graphics.DrawPath(edgeFill, path);
            else graphics.DrawPath(communePen, path);
        }
        foreach (var shape in map.Shapes.Where(s => s.IsEdge))
        {
            foreach (var ring in shape.Rings.Where(r => r.Count > 2)) graphics.DrawPolygon(edgePen, [.. ring.Select(P)]);
        }
        var active = new XSolidBrush(Red);
        var ended = new XSolidBrush(XColor.FromArgb(0x88, 0x88, 0x88));
        var outline = new XPen(XColors.White, 0.4);
        foreach (var marker in map.Markers.OrderBy(m => m.IsActive))
        {
            var p = P(marker.At);
            graphics.DrawEllipse(outline, marker.IsActive ? active : ended, p.X - 2.4, p.Y - 2.4, 4.8, 4.8);
        }
        // The legend under the frame, never over the territory.
        var legend = PdfFlow.Font(6.5);
        var label = graphics.MeasureString("incident en cours", legend).Width;
        var y = box.Bottom + 3;
        graphics.DrawEllipse(active, box.X + 1, y + 1, 4.5, 4.5);
        graphics.DrawString("incident en cours", legend, Ink, new XRect(box.X + 8, y, label + 4, 8), XStringFormats.TopLeft);
        graphics.DrawEllipse(ended, box.X + 16 + label, y + 1, 4.5, 4.5);
        graphics.DrawString("terminé", legend, Ink, new XRect(box.X + 23 + label, y, 40, 8), XStringFormats.TopLeft);
    }

    private static void Block(PdfFlow flow, ReportBlock block, double blockWidth)
    {
        var text = PdfFlow.Font(8.5);
        var bold = PdfFlow.Font(8.5, bold: true);
        if (block.Heading is { } heading)
        {
            flow.Room(text.GetHeight() * 2.4);
            flow.Text(heading, bold, Ink, flow.Left, blockWidth);
        }
        if (block.Lines.Count == 0 && block.Empty is { } empty)
        {
            flow.Text(empty, text, Grey, flow.Left + 8, blockWidth - 8);
        }
        var width = blockWidth - TimeColumn - 8;
        foreach (var line in block.Lines)
        {
            flow.Room(text.GetHeight() * 1.2);
            if (line.Time is { } time) flow.Graphics.DrawString(time, bold, Ink, new XRect(flow.Left + 8, flow.Y, TimeColumn, 12), XStringFormats.TopLeft);
            var brush = line.IsAlert ? RedBrush : Ink;
            var x = flow.Left + 8 + TimeColumn;
            var whole = line.Note is null ? line.Text : $"{line.Text}  ·  {line.Note}";
            if (flow.Graphics.MeasureString(whole, text).Width <= width && line.Note is { } note)
            {
                // Text and note on one line, the note in grey.
                flow.Graphics.DrawString(line.Text, text, brush, new XRect(x, flow.Y, width, 12), XStringFormats.TopLeft);
                var noteX = x + flow.Graphics.MeasureString(line.Text + "  ", text).Width;
                flow.Graphics.DrawString($"·  {note}", text, Grey, new XRect(noteX, flow.Y, width, 12), XStringFormats.TopLeft);
                flow.Y += text.GetHeight() * 1.15;
            }
            else
            {
                flow.Text(line.Text, text, brush, x, width);
                if (line.Note is { } longNote) flow.Text(longNote, PdfFlow.Font(7.5), Grey, x, width);
            }
        }
        flow.Y += 2;
    }

    private static void Footers(PdfDocument document, SituationReport report)
    {
        var local = TerritoryClock.Local(report.At, report.DepartmentCode);
        PdfReportParts.Footers(document,
            $"Enki — point de situation « {report.Crisis.Title} » établi le {local:dd/MM/yyyy à HH:mm} à partir de l'état courant de la crise");
    }
}
