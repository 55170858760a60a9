using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Enki.Tests.Nexsis.Intake;

/// <summary>Hub JSON messages with the times, places and counts a test needs (shapes from the official samples).</summary>
internal static class TestMessages
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(1));

    /// <param name="lat">Null for a case located by its INSEE code alone (no point).</param>
    public static byte[] CreateCase(string caseId, string insee = "77108", double? lat = 48.8786, double? lon = 2.5914,
        DateTimeOffset? sentAt = null, string nature = "C04.02.01", string status = "Actual", string? distributionId = null,
        string natureLabel = "Incendie|Bâtiment d’habitation") =>
        Envelope(distributionId ?? $"dist-create-{caseId}-{(sentAt ?? T0).ToUnixTimeSeconds()}", sentAt ?? T0, status,
            CreateCaseMessage(caseId, insee, lat, lon, sentAt ?? T0, nature, natureLabel));

    /// <summary>A createCase without EDXL-DE envelope: its only clock is <c>creation</c>.</summary>
    public static byte[] BareCreateCase(string caseId, DateTimeOffset createdAt, string insee = "77108", double lat = 48.8786,
        double lon = 2.5914, string nature = "C04.02.01", string natureLabel = "Incendie|Bâtiment d’habitation") =>
        Encoding.UTF8.GetBytes(CreateCaseMessage(caseId, insee, lat, lon, createdAt, nature, natureLabel).ToJsonString());

    private static JsonObject CreateCaseMessage(string caseId, string insee, double? lat, double? lon, DateTimeOffset createdAt,
        string nature, string natureLabel)
    {
        var message = new JsonObject
        {
            ["createCase"] = new JsonObject
            {
                ["caseId"] = caseId,
                ["senderCaseId"] = caseId.Split('.')[^1],
                ["creation"] = Time(createdAt),
                ["referenceVersion"] = "2.01.3",
                ["qualification"] = new JsonObject
                {
                    ["whatsHappen"] = new JsonObject { ["code"] = nature, ["label"] = natureLabel },
                    ["victims"] = new JsonObject { ["count"] = "PLUSIEURS" },
                },
                ["location"] = new JsonObject
                {
                    ["detailedAddress"] = new JsonObject { ["complete"] = "rue de la République", ["number"] = "3" },
                    ["city"] = new JsonObject { ["name"] = "?", ["inseeCode"] = insee },
                    ["country"] = "FR",
                    ["geometry"] = new JsonObject
                    {
                        ["point"] = new JsonObject { ["coord"] = new JsonObject { ["lat"] = lat, ["lon"] = lon, ["precision"] = "ADRESSE" } },
                        ["datetime"] = Time(createdAt),
                    },
                },
                ["initialAlert"] = new JsonObject
                {
                    ["id"] = "alert-" + caseId,
                    ["reception"] = Time(createdAt),
                    ["caller"] = new JsonObject
                    {
                        ["callerContact"] = new JsonObject { ["type"] = "TEL", ["detail"] = "+33600000001", ["channel"] = "PERSONNE" },
                        ["detailedName"] = new JsonObject { ["complete"] = "Jeanne Témoin", ["lastName"] = "Témoin", ["firstName"] = "Jeanne" },
                        ["type"] = "TIERS",
                    },
                },
            },
        };
        if (lat is null || lon is null)
        {
            message["createCase"]!["location"]!.AsObject().Remove("geometry");
        }
        return message;
    }

    public static byte[] Resource(string caseId, string resourceId, string statusCode, DateTimeOffset at, DateTimeOffset? sentAt = null,
        string vehicleType = "SIS") =>
        Envelope($"dist-rcri-{caseId}-{resourceId}-{statusCode}-{at.ToUnixTimeSeconds()}", sentAt ?? at, "Actual", new JsonObject
        {
            ["resourcesInfoCisu"] = new JsonObject
            {
                ["caseId"] = caseId,
                ["resource"] = new JsonArray(new JsonObject
                {
                    ["resourceId"] = resourceId,
                    ["name"] = resourceId.Split('.')[^1],
                    ["orgId"] = "fr.fire.sis077.cgo-077",
                    ["vehicleType"] = vehicleType,
                    ["datetime"] = Time(at),
                    ["state"] = new JsonObject { ["status"] = statusCode, ["datetime"] = Time(at), ["availability"] = false },
                }),
            },
        });

    public static byte[] Situation(string caseId, string status, DateTimeOffset at, int red = 0, int yellow = 0, int green = 0,
        int black = 0, int evacuated = 0, string mode = "ACTUAL", string messageType = "UPDATE", string? contextId = null)
    {
        var emsi = new JsonObject
        {
            ["emsi"] = new JsonObject
            {
                ["CONTEXT"] = new JsonObject
                {
                    ["ID"] = contextId ?? $"emsi-{caseId}-{at.ToUnixTimeSeconds()}-{status}",
                    ["MODE"] = mode,
                    ["MSGTYPE"] = messageType,
                    ["CREATION"] = Time(at),
                    ["ORIGIN"] = new JsonObject { ["ORG_ID"] = "fr.health.samu770", ["NAME"] = "SAMU 77" },
                },
                ["EVENT"] = new JsonObject
                {
                    ["ID"] = "local-" + caseId,
                    ["MAIN_EVENT_ID"] = caseId,
                    ["STATUS"] = status,
                    ["SCALE"] = 2,
                    ["CASUALTIES"] = new JsonArray(new JsonObject
                    {
                        ["DATIME"] = Time(at), ["TRIAGERED"] = red, ["TRIAGEYELLOW"] = yellow, ["TRIAGEGREEN"] = green, ["TRIAGEBLACK"] = black, ["MISSING"] = 0,
                    }),
                    ["EVAC"] = new JsonArray(new JsonObject { ["DATIME"] = Time(at), ["EVACUATED"] = evacuated, ["DISPLACED"] = 0 }),
                },
            },
        };
        return Encoding.UTF8.GetBytes(emsi.ToJsonString());
    }

    private static byte[] Envelope(string distributionId, DateTimeOffset sentAt, string status, JsonObject message)
    {
        message["messageId"] = distributionId;
        message["sender"] = new JsonObject { ["name"] = "cga-077", ["URI"] = "hubex:fr.fire.sis077.cga-077" };
        message["sentAt"] = Time(sentAt);
        message["kind"] = "Report";
        message["status"] = status;
        message["recipient"] = new JsonArray(new JsonObject { ["name"] = "enki", ["URI"] = "hubex:fr.state.enki" });
        var envelope = new JsonObject
        {
            ["distributionID"] = distributionId,
            ["senderID"] = "fr.fire.sis077.cga-077",
            ["dateTimeSent"] = Time(sentAt),
            ["dateTimeExpires"] = Time(sentAt.AddYears(50)),
            ["distributionStatus"] = status,
            ["distributionKind"] = "Report",
            ["descriptor"] = new JsonObject
            {
                ["language"] = "fr-FR",
                ["explicitAddress"] = new JsonObject { ["explicitAddressScheme"] = "hubex", ["explicitAddressValue"] = "fr.state.enki" },
            },
            ["content"] = new JsonArray(new JsonObject { ["jsonContent"] = new JsonObject { ["embeddedJsonContent"] = new JsonObject { ["message"] = message } } }),
        };
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
