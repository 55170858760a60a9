using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Enki.Infrastructure.Nexsis.Formats;

/// <summary>
/// Entry point for NexSIS payloads: sniffs XML or JSON, hands the payload to
/// <see cref="CisuXmlReader"/> or <see cref="HubJsonReader"/>, and turns every problem into a
/// <see cref="ReadFailure"/> with a French reason. Never throws for bad input.
/// </summary>
public sealed class NexsisMessageReader
{
    /// <summary>
    /// Deepest nesting read, in XML as in JSON: a real distribution nests about fifteen levels. Bounding
    /// it bounds the work per message (reading namespaces up the ancestors costs the square of the depth),
    /// with the number of nodes (<see cref="PayloadBounds"/>).
    /// </summary>
    public const int MaxDepth = 64;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 16 * 1024 * 1024,
    };

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = MaxDepth };

    static NexsisMessageReader()
    {
        // XML declared in windows-1252 / ISO-8859-15 (older partner systems): the code pages .NET leaves out by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Reads a payload as received (bytes: the XML declaration or BOM decides the encoding).</summary>
    public NexsisReadResult Read(ReadOnlyMemory<byte> payload) => Guard(() =>
    {
        var span = payload.Span;
        if (span.StartsWith(Encoding.Unicode.Preamble) || span.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return ReadText(new StreamReader(new MemoryStream(payload.ToArray()), detectEncodingFromByteOrderMarks: true).ReadToEnd());
        }

        var start = span.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        var first = start < span.Length ? (char)span[start] : '\0';
        if (first == '<')
        {
            PayloadBounds.CheckXml(span);
            return ReadXml(XmlReader.Create(new MemoryStream(payload.ToArray()), XmlSettings));
        }
        if (first is '{' or '[')
        {
            // JSON has no byte-order mark of its own: a UTF-8 one is skipped.
            return ReadJson(payload[start..]);
        }
        return first == '\0' ? Empty() : NotXmlNorJson(first);
    });

    /// <summary>Reads a payload already decoded as text.</summary>
    public NexsisReadResult Read(string? payload) => Guard(() => ReadText(payload ?? string.Empty));

    private static NexsisReadSuccess ReadText(string payload)
    {
        var text = payload.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var first = text.Length > 0 ? text[0] : '\0';
        if (first == '<')
        {
            PayloadBounds.CheckXml(text.AsSpan());
            return ReadXml(XmlReader.Create(new StringReader(text), XmlSettings));
        }
        if (first is '{' or '[')
        {
            return ReadJson(Encoding.UTF8.GetBytes(text));
        }
        return first == '\0' ? Empty() : NotXmlNorJson(first);
    }

    /// <summary>Builds the tree of a payload whose depth and size in nodes are already bounded.</summary>
    private static NexsisReadSuccess ReadXml(XmlReader reader)
    {
        using (reader)
        {
            var document = XDocument.Load(reader);
            FieldLimits.Check(document);
            return CisuXmlReader.Read(document);
        }
    }

    private static NexsisReadSuccess ReadJson(ReadOnlyMemory<byte> json)
    {
        PayloadBounds.CheckJson(json.Span);
        using var document = JsonDocument.Parse(json, JsonOptions);
        FieldLimits.Check(document.RootElement);
        // Cloned so the pooled document can be released.
        return HubJsonReader.Read(document.RootElement.Clone());
    }

    private static NexsisReadSuccess Empty() => throw new NexsisFormatException("Le message est vide", "aucun caractère significatif");

    private static NexsisReadSuccess NotXmlNorJson(char first) =>
        throw new NexsisFormatException("Le message n'est ni du XML ni du JSON", $"premier caractère : U+{(int)first:X4}");

    private static NexsisReadResult Guard(Func<NexsisReadResult> read)
    {
        try
        {
            return read();
        }
        catch (NexsisFormatException refused)
        {
            return new ReadFailure(refused.Reason, refused.Detail);
        }
        catch (XmlException xml)
        {
            return new ReadFailure("XML illisible (mal formé ou tronqué)", ParserDetails.Of(xml));
        }
        catch (JsonException json)
        {
            return new ReadFailure("JSON illisible (mal formé ou tronqué)", ParserDetails.Of(json));
        }
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
        {
            return new ReadFailure("Erreur inattendue à la lecture du message", $"erreur interne {unexpected.GetType().Name}");
        }
    }
}
