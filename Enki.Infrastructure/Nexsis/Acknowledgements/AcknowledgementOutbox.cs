using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Enki.Domain.Intake;
using Enki.Infrastructure.Outbound;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enki.Infrastructure.Nexsis.Acknowledgements;

/// <summary>
/// Records the RC-REF acknowledgements Enki owes, in the unit of work that commits the cases they
/// acknowledge: an acknowledgement exists exactly when its case was committed. Each has a stable
/// id derived from the acknowledged distribution, so every resend carries the same id.
/// </summary>
public sealed class AcknowledgementOutbox(IOptions<NexsisOptions> options)
{
    /// <summary>Adds, to <paramref name="db"/>'s pending changes, the acknowledgements not recorded yet.</summary>
    public async Task RecordAsync(EnkiDbContext db, IReadOnlyCollection<InboundDistribution> accepted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owed = accepted
            .Where(d => !string.IsNullOrEmpty(d.DistributionId))
            .DistinctBy(d => d.DistributionId)
            .ToDictionary(d => DeliveryIdOf(d.DistributionId!));
        if (owed.Count == 0)
        {
            return;
        }
        var ids = owed.Keys.ToList();
        var recorded = await db.OutboundMessages
            .Where(m => m.Channel == OutboundChannel.NexsisAcknowledgement && ids.Contains(m.DeliveryId))
            .Select(m => m.DeliveryId)
            .ToListAsync(cancellationToken);
        foreach (var (deliveryId, distribution) in owed.Where(o => !recorded.Contains(o.Key)))
        {
            db.OutboundMessages.Add(new OutboundMessage
            {
                Channel = OutboundChannel.NexsisAcknowledgement,
                DeliveryId = deliveryId,
                Subject = distribution.DistributionId!,
                Payload = Envelope(deliveryId, distribution, now),
                OccurredAt = now,
                RecordedAt = now,
            });
        }
    }

    /// <summary>
    /// The platform sends a distribution again: it did not get our acknowledgement. Owe it again
    /// (same id); false when none is recorded (its case is not committed yet, or it owes none).
    /// </summary>
    public static async Task<bool> OweAgainAsync(EnkiDbContext db, string distributionId, CancellationToken cancellationToken) =>
        await db.OutboundMessages
            .Where(m => m.Channel == OutboundChannel.NexsisAcknowledgement && m.Subject == distributionId && m.DeliveredAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, (DateTimeOffset?)null), cancellationToken) > 0;

    /// <summary>The RC-REF's own distribution id: the same for every acknowledgement of one distribution.</summary>
    public string DeliveryIdOf(string acknowledgedDistributionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("RC-REF\n" + acknowledgedDistributionId));
        return $"{options.Value.SenderId}_{new Guid(hash.AsSpan(0, 16)):D}";
    }

    /// <summary>An EDXL-DE hub envelope carrying the RC-REF, addressed to the distribution's sender.</summary>
    private string Envelope(string deliveryId, InboundDistribution acknowledged, DateTimeOffset now)
    {
        var sent = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var envelope = new JsonObject
        {
            ["distributionID"] = deliveryId,
            ["senderID"] = options.Value.SenderId,
            ["dateTimeSent"] = sent,
            ["dateTimeExpires"] = now.AddDays(1).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["distributionStatus"] = acknowledged.IsExercise ? "Exercise" : "Actual",
            ["distributionKind"] = "Ack",
            ["descriptor"] = new JsonObject
            {
                ["language"] = "fr-FR",
                ["explicitAddress"] = new JsonObject
                {
                    ["explicitAddressScheme"] = "hubex",
                    ["explicitAddressValue"] = acknowledged.SenderId ?? "",
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
                                ["distributionID"] = acknowledged.DistributionId,
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
