using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Enki.Simulator;

/// <summary>
/// Writes hub JSON as the exchange hub carries it: an EDXL-DE JSON envelope (distributionID, senderID,
/// dateTimeSent, distributionStatus Actual or Exercise) around one RC-DE message holding an RC-EDA
/// <c>createCase</c>, an RC-RI <c>resourcesInfoCisu</c> or an <c>emsi</c>, shaped like the official samples.
/// </summary>
public static class HubJsonComposer
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        // Accented French stays readable, as the samples write it.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>The EDXL-DE envelope around one message (<c>{"createCase": {...}}</c> and the like).</summary>
    public static string Envelope(SimulatedIncident incident, string distributionId, DateTimeOffset sentAt, string messageKey, JsonObject message)
    {
        var status = incident.Exercise ? "Exercise" : "Actual";
        var sent = SimulationFormat.Time(sentAt);
        var body = new JsonObject
        {
            ["messageId"] = distributionId,
            ["sender"] = new JsonObject { ["name"] = incident.Brigade.Name, ["URI"] = $"hubex:{incident.Brigade.SenderId}" },
            ["sentAt"] = sent,
            ["kind"] = "Report",
            ["status"] = status,
            ["recipient"] = new JsonArray(new JsonObject { ["name"] = "enki", ["URI"] = "hubex:fr.state.enki" }),
            [messageKey] = message,
        };
        var envelope = new JsonObject
        {
            ["distributionID"] = distributionId,
            ["senderID"] = incident.Brigade.SenderId,
            ["dateTimeSent"] = sent,
            ["dateTimeExpires"] = SimulationFormat.Time(sentAt.AddYears(50)),
            ["distributionStatus"] = status,
            ["distributionKind"] = "Report",
            ["descriptor"] = new JsonObject
            {
                ["language"] = "fr-FR",
                ["explicitAddress"] = new JsonObject { ["explicitAddressScheme"] = "hubex", ["explicitAddressValue"] = "fr.state.enki" },
            },
            ["content"] = new JsonArray(new JsonObject
            {
                ["jsonContent"] = new JsonObject { ["embeddedJsonContent"] = new JsonObject { ["message"] = body } },
            }),
        };
        return Serialize(envelope);
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(Compact);

    /// <summary>RC-EDA <c>createCase</c> of the incident.</summary>
    public static JsonObject CreateCase(SimulatedIncident incident, string callerPhone)
    {
        var created = SimulationFormat.Time(incident.CreatedAt);
        var received = SimulationFormat.Time(incident.ReceivedAt);
        var whatsHappen = new JsonObject { ["code"] = incident.Nature.Code, ["label"] = incident.NatureLabel };
        var alertId = $"{incident.Brigade.SenderId}-{incident.SenderCaseId}";
        var notes = new JsonArray(new JsonObject
        {
            ["freetext"] = (incident.Exercise ? "EXERCICE - " : string.Empty) + incident.Description,
            ["creation"] = received,
        });
        var createCase = new JsonObject
        {
            ["caseId"] = incident.CaseId,
            ["senderCaseId"] = incident.SenderCaseId,
            ["creation"] = created,
            ["referenceVersion"] = "2.01.3",
            ["qualification"] = new JsonObject
            {
                ["whatsHappen"] = whatsHappen,
                ["locationKind"] = new JsonObject { ["code"] = incident.Nature.LocationKindCode, ["label"] = incident.LocationKindLabel },
                ["victims"] = new JsonObject { ["count"] = incident.VictimCountWord },
            },
            ["location"] = Location(incident, created),
            ["initialAlert"] = new JsonObject
            {
                ["id"] = alertId,
                ["reception"] = received,
                ["reporting"] = incident.Major || incident.Casualties.Red > 0 ? "ATTENTION" : "STANDARD",
                ["caller"] = new JsonObject
                {
                    ["callerContact"] = new JsonObject { ["type"] = "TEL", ["detail"] = callerPhone, ["channel"] = "PERSONNE" },
                    ["type"] = "TIERS",
                    ["language"] = "fr",
                },
                ["location"] = new JsonObject { ["locID"] = $"loc-{incident.SenderCaseId}", ["country"] = "FR" },
                ["qualification"] = new JsonObject { ["whatsHappen"] = whatsHappen.DeepClone() },
                ["callTaker"] = new JsonObject { ["organization"] = incident.Brigade.OrganisationId, ["controlRoom"] = incident.Brigade.Name },
                ["notes"] = notes,
            },
        };
        if (incident.Exercise)
        {
            createCase["freetext"] = new JsonArray("EXERCICE EXERCICE EXERCICE");
        }

        return createCase;
    }

    private static JsonObject Location(SimulatedIncident incident, string at) => new()
    {
        ["locID"] = $"loc-{incident.SenderCaseId}",
        ["detailedAddress"] = new JsonObject
        {
            ["complete"] = incident.StreetName,
            ["number"] = incident.StreetNumber,
        },
        ["city"] = new JsonObject { ["name"] = incident.Commune.Name, ["inseeCode"] = incident.InseeCodeAsSent },
        ["country"] = "FR",
        ["geometry"] = new JsonObject
        {
            ["point"] = new JsonObject { ["coord"] = Coord("lat", incident.Latitude, "lon", incident.Longitude, ("precision", "ADRESSE")) },
            ["datetime"] = at,
        },
    };

    /// <summary>RC-RI <c>resourcesInfoCisu</c> with one engine's new state; the position is given when known.</summary>
    public static JsonObject ResourceState(
        SimulatedIncident incident, SimulatedResource resource, DateTimeOffset engagedAt, string status, DateTimeOffset at, (double Latitude, double Longitude)? position)
    {
        var when = SimulationFormat.Time(at);
        var item = new JsonObject
        {
            ["datetime"] = SimulationFormat.Time(engagedAt),
            ["resourceId"] = resource.ResourceId,
            ["orgId"] = incident.Brigade.OrganisationId,
            ["centerName"] = resource.CentreName,
            ["vehicleType"] = "SIS",
            ["name"] = resource.Name,
            ["state"] = new JsonObject
            {
                ["status"] = status,
                ["datetime"] = when,
                ["availability"] = status is "RET-BASE" or "REN-BASE",
            },
        };
        if (position is { } p)
        {
            item["position"] = new JsonObject { ["datetime"] = when, ["coord"] = Coord("lat", p.Latitude, "lon", p.Longitude) };
        }

        return new JsonObject { ["caseId"] = incident.CaseId, ["resource"] = new JsonArray(item) };
    }

    /// <summary>An EMSI update of the incident: status (IPR or COM), scale, victims by triage colour, evacuations.</summary>
    public static JsonObject Emsi(
        SimulatedIncident incident,
        string contextId,
        DateTimeOffset at,
        string status,
        int scale,
        SimulatedCasualties casualties,
        int evacuated,
        int displaced,
        IReadOnlyList<SimulatedResource> onScene,
        string? freeText)
    {
        var when = SimulationFormat.Time(at);
        var profile = incident.Scenario.Profile;
        var context = new JsonObject
        {
            ["ID"] = contextId,
            ["MODE"] = incident.Exercise ? "EXERCS" : "ACTUAL",
            ["MSGTYPE"] = "UPDATE",
            ["CREATION"] = when,
            ["LEVEL"] = "OPR",
            ["ORIGIN"] = new JsonObject { ["ORG_ID"] = incident.Brigade.OrganisationId, ["NAME"] = incident.Brigade.Name },
        };
        if (freeText is not null)
        {
            context["FREETEXT"] = freeText;
        }

        var evt = new JsonObject
        {
            ["ID"] = incident.SenderCaseId,
            ["NAME"] = $"{profile.Title} - {incident.Description} - {incident.Commune.Name}",
            ["MAIN_EVENT_ID"] = incident.CaseId,
            ["ETYPE"] = new JsonObject { ["CATEGORY"] = new JsonArray(profile.EmsiCategory) },
            ["SCALE"] = scale.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CERTAINTY"] = 100,
            ["DECL_DATIME"] = SimulationFormat.Time(incident.ReceivedAt),
            ["OBS_DATIME"] = when,
            ["STATUS"] = status,
            ["RISK_ASSESMENT"] = status == "COM" ? "DECREA" : "STABLE",
            ["CAUSE"] = "NAT",
            ["CASUALTIES"] = new JsonArray(new JsonObject
            {
                ["CONTEXT"] = "REQ_ACTION",
                ["DATIME"] = when,
                ["TRIAGERED"] = casualties.Red,
                ["TRIAGEYELLOW"] = casualties.Yellow,
                ["TRIAGEGREEN"] = casualties.Green,
                ["TRIAGEBLACK"] = casualties.Black,
                ["MISSING"] = 0,
            }),
            ["EVAC"] = new JsonArray(new JsonObject { ["DATIME"] = when, ["DISPLACED"] = displaced, ["EVACUATED"] = evacuated }),
            ["EGEO"] = new JsonArray(new JsonObject
            {
                ["DATIME"] = when,
                ["TYPE"] = profile.EmsiGeoType,
                ["POSITION"] = new JsonObject
                {
                    ["TYPE"] = "POINT",
                    ["COORD"] = new JsonArray(Coord("LAT", incident.Latitude, "LONG", incident.Longitude)),
                    ["ADDRESS"] = new JsonArray($"{incident.Address}, {incident.Commune.Name}"),
                },
            }),
        };
        var emsi = new JsonObject { ["CONTEXT"] = context, ["EVENT"] = evt };
        if (onScene.Count > 0)
        {
            emsi["RESOURCE"] = new JsonArray(onScene.Select(r => (JsonNode)new JsonObject
            {
                ["RTYPE"] = new JsonObject { ["RCLASS"] = new JsonArray("MAT/VEH") },
                ["ID"] = r.ResourceId,
                ["NAME"] = r.Name,
                ["ORG_ID"] = incident.Brigade.OrganisationId,
                ["STATUS"] = status == "COM" ? "AVAILB" : "IN_USE/ON_SCENE",
            }).ToArray());
        }

        return emsi;
    }

    private static JsonObject Coord(string latitudeName, double latitude, string longitudeName, double longitude, (string Name, string Value)? extra = null)
    {
        var coord = new JsonObject { [latitudeName] = Math.Round(latitude, 6), [longitudeName] = Math.Round(longitude, 6) };
        if (extra is { } e)
        {
            coord[e.Name] = e.Value;
        }

        return coord;
    }
}
