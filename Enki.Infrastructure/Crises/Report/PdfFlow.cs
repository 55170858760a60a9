using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>Text flowing down A4 pages: wraps words to a width and starts a new page when one is full.</summary>
internal sealed class PdfFlow : IDisposable
{
    public const double Margin = 36;

    private readonly PdfDocument _document;

    public PdfFlow(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    public XGraphics Graphics { get; private set; } = null!;

    public PdfPage Page { get; private set; } = null!;

    public double Y { get; set; }

    public double Left => Margin;

    public double Width => Page.Width.Point - 2 * Margin;

    /// <summary>Where the text stops: room is left for the footer.</summary>
    private double Bottom => Page.Height.Point - Margin - 14;

    public static XFont Font(double size, bool bold = false) =>
        new(ReportFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Room(double height)
    {
        if (Y + height > Bottom) NewPage();
    }

    /// <summary>Draws wrapped text from <paramref name="x"/> over <paramref name="width"/> and moves down.</summary>
    public void Text(string text, XFont font, XBrush brush, double x, double width)
    {
        var lineHeight = font.GetHeight() * 1.08;
        foreach (var line in Wrap(text, font, width))
        {
            Room(lineHeight);
            Graphics.DrawString(line, font, brush, new XRect(x, Y, width, lineHeight), XStringFormats.TopLeft);
            Y += lineHeight;
        }
    }

    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private void NewPage()
    {
        Graphics?.Dispose();
        Page = _document.AddPage();
        Page.Size = PageSize.A4;
        Graphics = XGraphics.FromPdfPage(Page);
        Y = Margin;
    }

    public void Dispose() => Graphics?.Dispose();
}
