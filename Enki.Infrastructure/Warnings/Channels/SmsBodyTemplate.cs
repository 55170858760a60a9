using System.Text.Encodings.Web;
using System.Text.Json;

namespace Enki.Infrastructure.Warnings.Channels;

/// <summary>
/// Fills the gateway's JSON body template (<c>Enki:Sms:BodyTemplate</c>): each <c>{name}</c> placeholder
/// gets its value escaped for a JSON string, so a quote or a line break in a warning cannot break the body.
/// Unknown placeholders and the template's own braces are left as they are.
/// </summary>
public static class SmsBodyTemplate
{
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var body = template;
        foreach (var (name, value) in values)
        {
            body = body.Replace("{" + name + "}", JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value, StringComparison.Ordinal);
        }
        try
        {
            using var _ = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Enki:Sms:BodyTemplate ne donne pas un JSON valide : {ex.Message}", ex);
        }
        return body;
    }

    public static Dictionary<string, string> Values(string to, string text, Guid reference) =>
        new() { ["to"] = to, ["text"] = text, ["id"] = reference.ToString() };
}
