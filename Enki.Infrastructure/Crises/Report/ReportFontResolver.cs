using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace Enki.Infrastructure.Crises.Report;

/// <summary>
/// PDFsharp finds no system fonts off Windows: the report uses the Segoe WP faces that ship inside the
/// PDFsharp package (Latin with French accents), so the PDF is the same on every server.
/// </summary>
internal sealed class ReportFontResolver : IFontResolver
{
    public const string Family = "Enki Report";
    private const string Regular = "enki-regular";
    private const string Bold = "enki-bold";
    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not ReportFontResolver) GlobalFontSettings.FontResolver = new ReportFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Italic is simulated by slanting: the package ships no italic face.
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => faceName == Bold ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
}
