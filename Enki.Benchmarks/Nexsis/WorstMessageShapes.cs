using System.Text;

namespace Enki.Benchmarks.Nexsis;

/// <summary>
/// Hostile payload shapes filled up to a size (the push's 4 MB cap): what costs a reader the most
/// per byte. Each is well-formed unless its name says otherwise, so the reader has to go through it.
/// </summary>
internal static class WorstMessageShapes
{
    private const string Edxl = "urn:oasis:names:tc:emergency:EDXL:DE:2.0";
    private const string Cisu = "urn:emergency:cisu:2.0";

    private const string EnvelopeHead =
        $"<edxlDistribution xmlns=\"{Edxl}\"><distributionID>worst-1</distributionID><senderID>fr.health.samu077</senderID>"
        + "<dateTimeSent>2026-11-28T09:00:00+01:00</dateTimeSent><distributionStatus>Actual</distributionStatus>"
        + $"<distributionKind>Report</distributionKind><content><contentObject><xmlContent><embeddedXMLContent><message xmlns=\"{Cisu}\">";

    private const string EnvelopeTail = "</message></embeddedXMLContent></xmlContent></contentObject></content></edxlDistribution>";

    /// <summary>Just under the reader's bound on text per message (500,000 characters).</summary>
    private const int PayloadBoundsText = 495_000;

    public static IEnumerable<(string Name, byte[] Payload)> All(int size)
    {
        yield return ("XML deep nesting", Nested(size, "<a>", "</a>"));
        yield return ("XML deep nesting, a namespace per level", Nested(size, "<a xmlns:p=\"u\">", "</a>"));
        yield return ("XML flat empty elements", Repeated(size, "<edxlDistribution>", "<a/>", "</edxlDistribution>"));
        yield return ("XML flat elements in a real envelope", Repeated(size, EnvelopeHead, "<x>1</x>", EnvelopeTail));
        yield return ("XML flat elements, a namespace each", Repeated(size, "<edxlDistribution>", "<p:a xmlns:p=\"u\"/>", "</edxlDistribution>"));
        yield return ("XML many attributes", ManyAttributes(size));
        yield return ("XML one huge attribute", Filled(size, "<edxlDistribution a=\"", 'x', "\"/>"));
        yield return ("XML long text", Filled(size, EnvelopeHead + "<note>", 'x', "</note>" + EnvelopeTail));
        yield return ("XML one huge CDATA section", Filled(size, EnvelopeHead + "<note><![CDATA[", 'x', "]]></note>" + EnvelopeTail));
        yield return ("XML one huge comment", Filled(size, EnvelopeHead + "<!--", 'x', "-->" + EnvelopeTail));
        yield return ("XML long text of entities", Repeated(size, "<edxlDistribution><a>", "&amp;", "</a></edxlDistribution>"));
        yield return ("XML many comments", Repeated(size, "<edxlDistribution>", "<!--x-->", "</edxlDistribution>"));
        yield return ("XML truncated deep nesting", Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, "<a>", size / 3).ToString()));
        // Just under the bounds: what reaches the parsers.
        var underRaw = new string('x', 39_000);
        yield return ("XML texts just under the raw bound", Repeated(size, EnvelopeHead, $"<note>{underRaw}</note>", EnvelopeTail));
        yield return ("XML free texts each under its field limit", Repeated(size, EnvelopeHead, $"<note>{underRaw[..3_990]}</note>", EnvelopeTail));
        yield return ("XML texts up to the text bound", Repeated(PayloadBoundsText, EnvelopeHead, $"<x>{underRaw[..100]}</x>", EnvelopeTail));
        yield return ("JSON strings just under the raw bound", Repeated(size, "{\"createCase\":{\"notes\":[", $"\"{underRaw}\",", "\"\"]}}"));
        yield return ("JSON valid, 800 resources (near the node bound)", ManyResources(800 * 262));
        yield return ("JSON deep nesting", Nested(size, "[", "]"));
        yield return ("JSON flat properties", Repeated(size, "{\"createCase\":{", "\"a\":0,", "\"z\":0}}"));
        yield return ("JSON long string", Filled(size, "{\"createCase\":{\"caseId\":\"", 'x', "\"}}"));
        yield return ("JSON many resources", ManyResources(size));
    }

    private static byte[] Nested(int size, string open, string close)
    {
        var depth = size / (open.Length + close.Length);
        var text = new StringBuilder(size);
        text.Insert(0, open, depth).Insert(text.Length, close, depth);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Repeated(int size, string head, string item, string tail)
    {
        var count = (size - head.Length - tail.Length) / item.Length;
        return Encoding.UTF8.GetBytes(new StringBuilder(size).Append(head).Insert(head.Length, item, count).Append(tail).ToString());
    }

    private static byte[] Filled(int size, string head, char fill, string tail) =>
        Encoding.UTF8.GetBytes(head + new string(fill, size - head.Length - tail.Length) + tail);

    private static byte[] ManyAttributes(int size)
    {
        var text = new StringBuilder(size).Append("<edxlDistribution");
        for (var i = 0; text.Length < size - 32; i++)
        {
            text.Append(" a").Append(i).Append("=\"\"");
        }
        return Encoding.UTF8.GetBytes(text.Append("/>").ToString());
    }

    /// <summary>A resources message that is valid: every entry would be applied by the intake.</summary>
    private static byte[] ManyResources(int size)
    {
        var text = new StringBuilder(size).Append("{\"resourcesInfoCisu\":{\"caseId\":\"fr.fire.sis077.cgo-077.worst\",\"resource\":[");
        for (var i = 0; text.Length < size - 400; i++)
        {
            text.Append(i == 0 ? "" : ",").Append("{\"resourceId\":\"r").Append(i)
                .Append("\",\"name\":\"FPT\",\"orgId\":\"fr.fire.sis077\",\"vehicleType\":\"SIS\",\"datetime\":\"2026-11-28T09:00:00+01:00\",")
                .Append("\"state\":{\"status\":\"ARRIVEE\",\"datetime\":\"2026-11-28T09:00:00+01:00\",\"availability\":false}}");
        }
        return Encoding.UTF8.GetBytes(text.Append("]}}").ToString());
    }
}
