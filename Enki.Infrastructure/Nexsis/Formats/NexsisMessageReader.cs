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
    /// it bounds the work per message (reading namespaces up the ancestors costs the square of the depth).
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

        return (start < span.Length ? (char)span[start] : '\0') switch
        {
            '\0' => Empty(),
            '<' => ReadXml(() => XmlReader.Create(new MemoryStream(payload.ToArray()), XmlSettings)),
            // JSON has no byte-order mark of its own: a UTF-8 one is skipped.
            '{' or '[' => HubJsonReader.Read(ParseJson(() => JsonDocument.Parse(payload[start..], JsonOptions))),
            var first => NotXmlNorJson(first),
        };
    });

    /// <summary>Reads a payload already decoded as text.</summary>
    public NexsisReadResult Read(string? payload) => Guard(() => ReadText(payload ?? string.Empty));

    private static NexsisReadSuccess ReadText(string payload)
    {
        var text = payload.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return (text.Length > 0 ? text[0] : '\0') switch
        {
            '\0' => Empty(),
            '<' => ReadXml(() => XmlReader.Create(new StringReader(text), XmlSettings)),
            '{' or '[' => HubJsonReader.Read(ParseJson(() => JsonDocument.Parse(text, JsonOptions))),
            var first => NotXmlNorJson(first),
        };
    }

    private static NexsisReadSuccess ReadXml(Func<XmlReader> open)
    {
        // A first streaming pass, linear, refuses what is nested too deep before any tree is built.
        using (var scan = open())
        {
            while (scan.Read())
            {
                if (scan.Depth > MaxDepth)
                {
                    throw new NexsisFormatException(
                        $"XML trop imbriqué (plus de {MaxDepth} niveaux)", $"ligne {((IXmlLineInfo)scan).LineNumber}, élément {scan.Name}");
                }
            }
        }
        using var reader = open();
        var document = XDocument.Load(reader);
        FieldLimits.Check(document);
        return CisuXmlReader.Read(document);
    }

    /// <summary>Parses, then clones the root so the pooled document can be released.</summary>
    private static JsonElement ParseJson(Func<JsonDocument> parse)
    {
        using var document = parse();
        FieldLimits.Check(document.RootElement);
        return document.RootElement.Clone();
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
