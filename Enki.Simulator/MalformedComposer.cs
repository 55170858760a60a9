using System.Text.Json.Nodes;

namespace Enki.Simulator;

/// <summary>
/// Spoils messages the way a faulty sender would: a truncated payload, a malformed nature code,
/// coordinates out of France, a createCase without case id. Each one must end in quarantine.
/// </summary>
public static class MalformedComposer
{
    /// <summary>The defects, with the French wording kept next to the message for the tests and the logs.</summary>
    public static readonly IReadOnlyList<string> Defects =
    [
        "message tronqué",
        "code nature mal formé",
        "coordonnées hors de France",
        "identifiant d'affaire absent",
    ];

    /// <summary>A malformed copy of <paramref name="valid"/> (or of its incident's createCase): the payload and its defect.</summary>
    public static (string Payload, string Defect) Spoil(FeedDraft valid, string distributionId, Random random)
    {
        var defect = Defects[random.Next(Defects.Count)];
        if (defect == Defects[0])
        {
            var payload = valid.Payload;
            return (payload[..(int)(payload.Length * (0.3 + random.NextDouble() * 0.6))], defect);
        }

        var incident = valid.Incident with { SenderCaseId = $"{valid.Incident.SenderCaseId}-E{random.Next(100, 1000)}" };
        var createCase = HubJsonComposer.CreateCase(incident, "+33600000000");
        var coord = createCase["location"]!["geometry"]!["point"]!["coord"]!.AsObject();
        switch (Array.IndexOf(Defects.ToArray(), defect))
        {
            case 1:
                // A code missing from the list is taken in (another nomenclature version); one that is no code at all is not.
                createCase["qualification"]!["whatsHappen"]!["code"] = $"INCENDIE-{random.Next(10, 99)}";
                break;
            case 2:
                // Mid-Atlantic: on the globe, far from every French territory.
                coord["lat"] = Math.Round(30 + random.NextDouble() * 10, 6);
                coord["lon"] = Math.Round(-40 + random.NextDouble() * 10, 6);
                break;
            default:
                createCase.Remove("caseId");
                break;
        }

        return (HubJsonComposer.Envelope(incident, distributionId, valid.At, "createCase", createCase), defect);
    }
}
