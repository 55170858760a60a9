using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Enki.Infrastructure.Nexsis.Formats;

namespace Enki.Infrastructure.Nexsis.Inbox;

/// <summary>How a raw payload was masked for display.</summary>
public enum PayloadMasking
{
    /// <summary>Shown as stored: the viewer is the SDIS of the message's territory.</summary>
    None,
    /// <summary>Read as JSON or XML: personal fields masked, then phone numbers and e-mails in the remaining text.</summary>
    Fields,
    /// <summary>Too malformed to read: only phone numbers and e-mail addresses found by pattern are masked.</summary>
    Patterns,
    /// <summary>Beyond what the NexSIS reader reads (too complex or too long): not shown, masking it would cost seconds.</summary>
    Withheld,
}

/// <summary>
/// Masks callers' personal data in a NexSIS payload for display (the stored payload is never changed):
/// known personal fields of RC-EDA, EMSI and CISU XML (caller, names, contacts, phones, e-mails), then a
/// phone and e-mail pattern pass over every remaining text, which is all a malformed payload gets.
/// </summary>
public static partial class PersonalDataMask
{
    public const string Masked = "[masqué]";

    /// <summary>Deeper than this, a payload is not parsed for display (the pattern pass still runs).</summary>
    private const int MaxDepth = 64;

    /// <summary>Field and element names holding personal data; everything under them is masked.</summary>
    private static readonly HashSet<string> PersonalNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "caller", "callerContact", "callbackContact", "callerURI", "callerInformation", "detailedName", "calltakerContact",
        "firstName", "lastName", "fullName", "birthName", "givenName", "familyName", "birthDate", "dateOfBirth",
        "phone", "phoneNumber", "telephone", "mobile", "email", "mail", "patient", "patients", "identity",
    };

    public static (string Text, PayloadMasking Masking) Mask(string payload)
    {
        var trimmed = payload.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                // Malformed before the bounds are reached: JsonException, the pattern pass below.
                if (Beyond(trimmed, json: true) is { } tooMuch) return Withheld(tooMuch);
                var node = JsonNode.Parse(trimmed, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
                if (node is not null)
                {
                    MaskJson(node, personal: false);
                    return (node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), PayloadMasking.Fields);
                }
            }
            catch (JsonException)
            {
                // Malformed: the pattern pass below.
            }
        }
        else if (trimmed.StartsWith('<') && Beyond(trimmed, json: false) is { } reason)
        {
            return Withheld(reason);
        }
        else if (trimmed.StartsWith('<') && ReadXml(trimmed) is { } document)
        {
            foreach (var text in document.DescendantNodes().OfType<XText>().ToList())
            {
                text.Value = text.Ancestors().Any(e => PersonalNames.Contains(e.Name.LocalName)) ? Masked : Patterns(text.Value);
            }
            foreach (var attribute in document.Descendants().Attributes().Where(a => !a.IsNamespaceDeclaration))
            {
                attribute.Value = PersonalNames.Contains(attribute.Name.LocalName) ? Masked : Patterns(attribute.Value);
            }
            return (document.ToString(), PayloadMasking.Fields);
        }
        // JSON writers escape "+" (\u002B): unescaped first, so an escaped international number is still one.
        return (Patterns(payload.Replace("\\u002B", "+", StringComparison.OrdinalIgnoreCase)), PayloadMasking.Patterns);
    }

    private static void MaskJson(JsonNode node, bool personal)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is null) continue;
                    var inside = personal || PersonalNames.Contains(name);
                    if (value is JsonValue scalar) obj[name] = inside ? Masked : MaskValue(scalar);
                    else MaskJson(value, inside);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null) continue;
                    if (array[i] is JsonValue value) array[i] = personal ? Masked : MaskValue(value);
                    else MaskJson(array[i]!, personal);
                }
                break;
        }
    }

    private static JsonNode MaskValue(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? JsonValue.Create(Patterns(text)) : value.DeepClone();

    // Parsing such a payload to mask it costs seconds (the XML reader's cost grows faster than the size with
    // 400,000 attributes; a document of 4 MB of JSON values is built and rewritten), and the pattern pass alone
    // would show names: withheld, the intake refuses it for the same reason anyway.
    private static (string, PayloadMasking) Withheld(string reason) => ($"[contenu non affiché : {reason}]", PayloadMasking.Withheld);

    /// <summary>The reason the NexSIS reader refuses this payload before parsing it (<see cref="PayloadBounds"/>), null within its bounds.</summary>
    /// <exception cref="JsonException">Malformed JSON, before the bounds are reached.</exception>
    private static string? Beyond(string payload, bool json)
    {
        try
        {
            if (json) PayloadBounds.CheckJson(Encoding.UTF8.GetBytes(payload));
            else PayloadBounds.CheckXml(payload.AsSpan());
            return null;
        }
        catch (NexsisFormatException refused)
        {
            return refused.Reason;
        }
    }

    /// <summary>Parses XML for display only: no DTD, no external entity, bounded depth; null when it cannot be read.</summary>
    private static XDocument? ReadXml(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 0 };
        try
        {
            using (var scan = XmlReader.Create(new StringReader(xml), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxDepth) return null;
                }
            }
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Phone numbers (French and international, <c>tel:</c> URIs) and e-mail addresses in free text.</summary>
    public static string Patterns(string text) => PhoneOrEmail().Replace(text, Masked);

    // An address starts where its run of address characters starts (or where the previous match ended, as a
    // scan from there would find it): tried at every position of a long run, it rescanned the run each time
    // (quadratic: minutes on a 4 MB token), for the same matches.
    // A number is a whole token (no letter, digit, dot, colon or dash glued before it), so dates, times,
    // coordinates and case ids survive: +33 6 12 34 56 78, +33612345678, 06.12.34.56.78, 0033 6…, tel:…
    [GeneratedRegex(
        @"(?:\G|(?<![A-Za-z0-9._%+\-]))[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
        + @"|tel:[+0-9][0-9 .\-]{5,}[0-9]"
        + @"|(?<![\w.:+\-])(?:(?:\+|00)\d{2,3}[ .\-]?\(?0?\)?[ .\-]?\d(?:[ .\-]?\d{2}){4}|\+\d{8,14}|0\d(?:[ .\-]?\d{2}){4})(?![\w.:\-]|\+\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PhoneOrEmail();
}
