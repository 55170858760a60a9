using System.Text.Json;
using System.Xml.Linq;

namespace Enki.Infrastructure.Nexsis.Formats;

/// <summary>
/// Sizes the NexSIS schemas leave open, bounded by what real messages need (README, « Limites des
/// champs »): a value above its field's limit, or a negative count, refuses the whole message with
/// the field's path. Checked on the parsed document, before any field is read.
/// </summary>
public static class FieldLimits
{
    /// <summary>Identifiers: case, distribution, message, resource, organisation ids and URIs (the longest real ones are ~80).</summary>
    public const int Identifier = 200;

    /// <summary>Names and labels: a commune, a resource, a nature label, a person (real ones stay under 120).</summary>
    public const int Label = 300;

    /// <summary>An address or a place description (a full street address is under 200).</summary>
    public const int Address = 500;

    /// <summary>Free texts: notes, comments, directions (an operator's note rarely passes 1,000).</summary>
    public const int FreeText = 4000;

    /// <summary>Any other value: codes, dates, words of a list (all far shorter; room for fields not listed here).</summary>
    public const int Other = 500;

    private static readonly HashSet<string> FreeTextFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "freetext", "comment", "notes", "note", "description", "text", "CONTEXT.FREETEXT", "explicitAddressValue",
    };

    private static readonly HashSet<string> AddressFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "complete", "addressLine", "ADDRESS", "address", "locLabel", "wayName", "streetName", "detailedAddress",
    };

    private static readonly HashSet<string> LabelFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "label", "NAME", "firstName", "lastName", "centerName", "city", "value", "keyword", "senderRole", "recipientRole",
    };

    private static readonly HashSet<string> CountFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "TRIAGERED", "TRIAGEYELLOW", "TRIAGEGREEN", "TRIAGEBLACK", "MISSING", "DECONT", "EVACUATED", "DISPLACED", "count",
        "SCALE", "CERTAINTY", "PRIORITY", "QUANTITY",
    };

    /// <summary>The limit of a field, from its name as sent.</summary>
    public static int For(string field) => field switch
    {
        _ when FreeTextFields.Contains(field) => FreeText,
        _ when AddressFields.Contains(field) => Address,
        _ when LabelFields.Contains(field) => Label,
        _ when field.EndsWith("id", StringComparison.OrdinalIgnoreCase) || field.EndsWith("uri", StringComparison.OrdinalIgnoreCase)
               || field.Equals("messageId", StringComparison.OrdinalIgnoreCase) => Identifier,
        _ => Other,
    };

    /// <exception cref="NexsisFormatException">A value is too long or a count negative.</exception>
    public static void Check(JsonElement root) => Check(root, "", "");

    /// <exception cref="NexsisFormatException">A value is too long.</exception>
    public static void Check(XDocument document)
    {
        if (document.Root is { } root)
        {
            Check(root, root.Name.LocalName);
        }
    }

    private static void Check(JsonElement element, string field, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Check(property.Value, property.Name, path.Length == 0 ? property.Name : $"{path}.{property.Name}");
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, field, $"{path}[{index++}]");
                }
                break;
            case JsonValueKind.String:
                Refuse(element.GetString()!.Length, field, path);
                break;
            case JsonValueKind.Number when CountFields.Contains(field) && element.TryGetDouble(out var number) && number < 0:
                throw new NexsisFormatException($"Nombre négatif refusé : {path}", $"{path} = {element.GetRawText()}");
        }
    }

    private static void Check(XElement element, string path)
    {
        if (!element.HasElements)
        {
            Refuse(element.Value.Length, element.Name.LocalName, path);
            if (CountFields.Contains(element.Name.LocalName) && double.TryParse(element.Value, System.Globalization.CultureInfo.InvariantCulture, out var number) && number < 0)
            {
                throw new NexsisFormatException($"Nombre négatif refusé : {path}", $"{path} = {element.Value}");
            }
        }
        foreach (var attribute in element.Attributes())
        {
            Refuse(attribute.Value.Length, attribute.Name.LocalName, $"{path}/@{attribute.Name.LocalName}");
        }
        foreach (var child in element.Elements())
        {
            Check(child, $"{path}/{child.Name.LocalName}");
        }
    }

    private static void Refuse(int length, string field, string path)
    {
        var limit = For(field);
        if (length > limit)
        {
            throw new NexsisFormatException(
                $"Champ trop long : {path} ({length} caractères, au plus {limit})", $"{path} : {length} caractères");
        }
    }
}
