using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Nexsis.Acknowledgements;

/// <summary>
/// The RC-REF acknowledgement of a distribution, as sent: its id is derived from the acknowledged
/// distribution, so every resend carries the same id and the platform deduplicates by it; its times
/// are those of the sending, so one delivered after a long outage is not already expired.
/// </summary>
public sealed class AcknowledgementEnvelope(IOptions<NexsisOptions> options)
{
    /// <summary>The RC-REF's own distribution id: the same for every acknowledgement of one distribution.</summary>
    public string DeliveryIdOf(string acknowledgedDistributionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("RC-REF\n" + acknowledgedDistributionId));
        return $"{options.Value.SenderId}_{new Guid(hash.AsSpan(0, 16)):D}";
    }

    /// <summary>An EDXL-DE hub envelope carrying the RC-REF, addressed to the distribution's sender.</summary>
    public string Envelope(AcknowledgementOwed owed, DateTimeOffset now)
    {
        var deliveryId = DeliveryIdOf(owed.DistributionId);
        var sent = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var envelope = new JsonObject
        {
            ["distributionID"] = deliveryId,
            ["senderID"] = options.Value.SenderId,
            ["dateTimeSent"] = sent,
            ["dateTimeExpires"] = now.AddDays(1).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["distributionStatus"] = owed.Exercise ? "Exercise" : "Actual",
            ["distributionKind"] = "Ack",
            ["descriptor"] = new JsonObject
            {
                ["language"] = "fr-FR",
                ["explicitAddress"] = new JsonObject
                {
                    ["explicitAddressScheme"] = "hubex",
                    ["explicitAddressValue"] = owed.SenderId ?? "",
                },
            },
            ["content"] = new JsonArray(new JsonObject
            {
                ["jsonContent"] = new JsonObject
                {
                    ["embeddedJsonContent"] = new JsonObject
                    {
                        ["message"] = new JsonObject
                        {
                            ["reference"] = new JsonObject
                            {
                                ["distributionID"] = owed.DistributionId,
                                ["step"] = "INTEGRE",
                            },
                        },
                    },
                },
            }),
        };
        return envelope.ToJsonString();
    }
}
