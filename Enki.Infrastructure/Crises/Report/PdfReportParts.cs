using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>What every printed crisis document shares: its colours, its numbered headings and its page footers.</summary>
internal static class PdfReportParts
{
    public static readonly XColor Navy = XColor.FromArgb(0x1e, 0x3a, 0x8a);
    public static readonly XColor Red = XColor.FromArgb(0xb7, 0x1c, 0x1c);
    public static readonly XBrush Ink = XBrushes.Black;
    public static readonly XBrush Grey = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));
    public static readonly XBrush NavyBrush = new XSolidBrush(Navy);
    public static readonly XBrush RedBrush = new XSolidBrush(Red);

    public static void Heading(PdfFlow flow, string title)
    {
        var font = PdfFlow.Font(11, bold: true);
        flow.Room(font.GetHeight() * 3);
        flow.Text(title, font, NavyBrush, flow.Left, flow.Width);
        flow.Graphics.DrawLine(new XPen(Navy, 1), flow.Left, flow.Y, flow.Left + flow.Width, flow.Y);
        flow.Y += 3;
    }

    /// <summary>A rule, then <paramref name="text"/> on the left and « page n/N » on the right of every page.</summary>
    public static void Footers(PdfDocument document, string text)
    {
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - PdfFlow.Margin;
            var line = new XRect(PdfFlow.Margin, y - 7, page.Width.Point - 2 * PdfFlow.Margin, 10);
            graphics.DrawLine(new XPen(XColor.FromArgb(0x99, 0x99, 0x99), 0.5), PdfFlow.Margin, y - 10, page.Width.Point - PdfFlow.Margin, y - 10);
            graphics.DrawString(text, PdfFlow.Font(7), Grey, line, XStringFormats.TopLeft);
            graphics.DrawString($"page {i + 1}/{document.PageCount}", PdfFlow.Font(7), Grey, line, XStringFormats.TopRight);
        }
    }

    public static byte[] Bytes(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
