using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Enki.Infrastructure.Warnings.WebPush;

/// <summary>
/// What the service worker receives, encrypted for the device (RFC 8291): the notification's words, the page to open,
/// and the one-tap acknowledgement token (the secret of an acknowledgement link, spent by « Acquitter »).
/// </summary>
public sealed record WebPushPayload(string Title, string Body, string Url, string? AckToken, Guid WarningId, bool Urgent)
{
    /// <summary>Push services take 4096 bytes with the encryption's overhead; the body is cut well before.</summary>
    public const int MaxBodyLength = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), // French letters as they are: fewer of the 4096 bytes
    };

    public static WebPushPayload Of(WarningMessage message, string? ackToken)
    {
        var body = message.Place is null ? message.Detail : $"{message.Detail}\n{message.Place}";
        if (body.Length > MaxBodyLength) body = body[..(MaxBodyLength - 1)].TrimEnd() + "…";
        var title = message.Title.Length > 200 ? message.Title[..199] + "…" : message.Title;
        return new WebPushPayload((message.Urgent ? "URGENT — " : "") + title, body, $"/avertissements/{message.WarningId}", ackToken,
            message.WarningId, message.Urgent);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static WebPushPayload? FromJson(string json) => JsonSerializer.Deserialize<WebPushPayload>(json, Json);
}
