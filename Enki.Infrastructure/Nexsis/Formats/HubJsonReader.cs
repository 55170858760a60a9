using System.Globalization;
using System.Text.Json;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Messages;
using static Enki.Infrastructure.Nexsis.Formats.IntakeChecks;

namespace Enki.Infrastructure.Nexsis.Formats;

/// <summary>
/// Reads hub JSON: an EDXL-DE JSON envelope (<c>content[].jsonContent.embeddedJsonContent.message</c>)
/// or a bare message object (<c>createCase</c>, <c>resourcesInfoCisu</c>, <c>emsi</c>, <c>reference</c>).
/// Throws <see cref="NexsisFormatException"/> for what it refuses.
/// </summary>
public static class HubJsonReader
{
    /// <summary>The message keys this reader understands.</summary>
    public static readonly IReadOnlyList<string> KnownMessages = ["createCase", "resourcesInfoCisu", "emsi", "reference"];

    /// <summary>Reads a parsed document.</summary>
    public static NexsisReadSuccess Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new NexsisFormatException(
                "Le message JSON doit être un objet", $"racine de type {root.ValueKind}");
        }

        if (Has(root, "distributionID") || Has(root, "content"))
        {
            return ReadEnvelope(root);
        }

        if (!KnownMessages.Any(k => Has(root, k)))
        {
            throw new NexsisFormatException(
                "Le JSON ne contient ni enveloppe EDXL-DE ni message connu (RC-EDA, RC-RI, EMSI, RC-REF)",
                $"propriétés : {string.Join(", ", root.EnumerateObject().Select(p => p.Name))}");
        }

        var (message, traffic) = ReadMessage(root);
        var context = message is SituationUpdated emsi ? emsi : null;
        var distribution = new InboundDistribution(
            context?.MessageId, context?.OriginOrganisationId, context?.CreatedAt, traffic, context?.MessageType, PayloadFormat.HubJson);
        return new NexsisReadSuccess(distribution, [message]);
    }

    private static NexsisReadSuccess ReadEnvelope(JsonElement root)
    {
        var distributionId = Require(Str(root, "distributionID"), "Identifiant de diffusion absent", "distributionID");
        var sender = Require(Str(root, "senderID"), "Émetteur absent", "senderID");
        var sentAt = RequireTimestamp(Str(root, "dateTimeSent"), "Date d'envoi", "dateTimeSent");
        var traffic = ParseTraffic(Str(root, "distributionStatus"), "distributionStatus");

        var contents = Arr(root, "content").ToArray();
        if (contents.Length == 0)
        {
            throw new NexsisFormatException("Aucun message dans l'enveloppe EDXL-DE", "content absent ou vide");
        }

        var messages = new List<IntakeMessage>();
        for (var i = 0; i < contents.Length; i++)
        {
            var message = Obj(Obj(Obj(contents[i], "jsonContent"), "embeddedJsonContent"), "message")
                ?? throw new NexsisFormatException("Contenu EDXL-DE mal formé", $"content[{i}] sans jsonContent.embeddedJsonContent.message");
            if (!KnownMessages.Any(k => Has(message, k)))
            {
                throw new NexsisFormatException(
                    "Contenu non reconnu dans l'enveloppe EDXL-DE",
                    $"content[{i}] : {string.Join(", ", message.EnumerateObject().Select(p => p.Name))}");
            }

            // The RC-DE header of the message repeats the envelope status; a non-real one wins.
            if (Str(message, "status") is { } status)
            {
                traffic = TrafficKinds.Combine(traffic, ParseTraffic(status, $"content[{i}].message.status"));
            }

            var (read, messageTraffic) = ReadMessage(message);
            traffic = TrafficKinds.Combine(traffic, messageTraffic);
            messages.Add(read);
        }

        var distribution = new InboundDistribution(
            distributionId, sender, sentAt, traffic, Str(root, "distributionKind"), PayloadFormat.HubJson);
        return new NexsisReadSuccess(distribution, messages);
    }

    private static (IntakeMessage Message, TrafficKind Traffic) ReadMessage(JsonElement message)
    {
        if (Obj(message, "createCase") is { } createCase)
        {
            return (ReadCreateCase(createCase), TrafficKind.Unspecified);
        }

        if (Obj(message, "resourcesInfoCisu") is { } resources)
        {
            return (ReadResources(resources), TrafficKind.Unspecified);
        }

        if (Obj(message, "emsi") is { } emsi)
        {
            return EmsiJsonReader.Read(emsi);
        }

        if (Obj(message, "reference") is { } reference)
        {
            return (ReadReference(reference), TrafficKind.Unspecified);
        }

        throw new NexsisFormatException("Message de type inattendu", "createCase, resourcesInfoCisu, emsi ou reference doit être un objet");
    }

    private static CaseCreated ReadCreateCase(JsonElement createCase)
    {
        var caseId = Require(Str(createCase, "caseId"), "Identifiant d'affaire absent", "createCase.caseId");
        var createdAt = RequireTimestamp(Str(createCase, "creation"), "Date de création de l'affaire", "createCase.creation");
        var qualification = Obj(createCase, "qualification");
        var whatsHappen = Obj(qualification, "whatsHappen");
        var natureCode = CheckNatureCode(Str(whatsHappen, "code"), "createCase.qualification.whatsHappen.code");
        var location = Obj(createCase, "location")
            ?? throw new NexsisFormatException("Localisation de l'affaire absente", "createCase.location");
        var victims = Obj(qualification, "victims");
        var alert = Obj(createCase, "initialAlert");

        return new CaseCreated(
            caseId,
            Str(createCase, "senderCaseId"),
            createdAt,
            OptionalTimestamp(Str(alert, "reception"), "Date de réception de l'alerte", "createCase.initialAlert.reception"),
            natureCode,
            Str(whatsHappen, "label"),
            ReadLocation(location),
            Str(Obj(qualification, "locationKind"), "code"),
            Str(Obj(qualification, "healthMotive"), "code"),
            Arr(qualification, "riskThreat").Select(r => Str(r, "code")).OfType<string>().ToArray(),
            victims is null ? null : Victims(Str(victims, "count"), Str(victims, "mainVictim"), "createCase.qualification.victims.count"),
            Severity: null,
            alert is null ? null : new CaseAlert(Str(alert, "id"), Str(alert, "reporting"), DialledNumber: null),
            Notes(Arr(alert, "notes")
                .Select(n => (Str(n, "freetext"), OptionalTimestamp(Str(n, "creation"), "Date de la note", "initialAlert.notes[].creation"), CaseNoteSource.AlertNote))
                .Concat(Arr(createCase, "freetext").Select(t => (Text(t), (DateTimeOffset?)null, CaseNoteSource.CaseText)))
                .Append((Str(victims, "freetext"), null, CaseNoteSource.VictimsComment))),
            ReadCaller(Obj(alert, "caller")));
    }

    private static CaseLocation ReadLocation(JsonElement location)
    {
        var city = Obj(location, "city");
        var address = Obj(location, "detailedAddress");
        var coord = Obj(Obj(Obj(location, "geometry"), "point"), "coord");
        return new CaseLocation(
            Str(city, "inseeCode"),
            Str(city, "name"),
            Str(address, "complete") ?? Str(Obj(address, "wayName"), "complete"),
            Str(address, "number"),
            Str(location, "locLabel") ?? Str(location, "name"),
            Str(location, "freetext"),
            coord is null ? null : Point(coord.Value, "lat", "lon", "createCase.location.geometry.point.coord"),
            Str(coord, "precision"),
            Str(location, "locID"),
            Str(location, "country"));
    }

    private static CallerContact? ReadCaller(JsonElement? caller)
    {
        if (caller is null)
        {
            return null;
        }

        var name = Obj(caller, "detailedName");
        return new CallerContact(
            Str(name, "complete"),
            Str(name, "firstName"),
            Str(name, "lastName"),
            Str(Obj(caller, "callerContact"), "detail"),
            Str(Obj(caller, "callbackContact"), "detail"),
            Str(caller, "type"),
            Str(caller, "freetext"),
            Str(caller, "language"));
    }

    private static ResourcesReported ReadResources(JsonElement info)
    {
        var caseId = Require(Str(info, "caseId"), "Identifiant d'affaire absent", "resourcesInfoCisu.caseId");
        var resources = Arr(info, "resource").Select((r, i) => ReadResource(r, $"resourcesInfoCisu.resource[{i}]")).ToArray();
        return resources.Length == 0
            ? throw new NexsisFormatException("Aucun moyen dans le message RC-RI", "resourcesInfoCisu.resource absent ou vide")
            : new ResourcesReported(caseId, resources);
    }

    private static ReportedResource ReadResource(JsonElement resource, string path)
    {
        var state = Obj(resource, "state")
            ?? throw new NexsisFormatException("État du moyen absent", $"{path}.state");
        var position = Obj(resource, "position");
        var team = Obj(resource, "team");
        return new ReportedResource(
            Require(Str(resource, "resourceId"), "Identifiant de moyen absent", $"{path}.resourceId"),
            Str(resource, "name"),
            Str(resource, "vehicleType"),
            Str(resource, "orgId"),
            Str(resource, "centerName"),
            Str(team, "name"),
            Str(team, "medicalLevel"),
            RequireTimestamp(Str(resource, "datetime"), "Date d'engagement du moyen", $"{path}.datetime"),
            new ResourceState(
                CheckResourceStatus(Str(state, "status"), $"{path}.state.status"),
                RequireTimestamp(Str(state, "datetime"), "Date du statut du moyen", $"{path}.state.datetime"),
                Bool(state, "availability")),
            position is null
                ? null
                : new ResourcePosition(
                    Point(Obj(position, "coord") ?? throw new NexsisFormatException("Coordonnées absentes", $"{path}.position.coord"),
                        "lat", "lon", $"{path}.position.coord"),
                    RequireTimestamp(Str(position, "datetime"), "Date de la position du moyen", $"{path}.position.datetime")),
            Str(resource, "missionId"),
            Strings(resource, "freetext"));
    }

    private static AcknowledgementReceived ReadReference(JsonElement reference) => new(
        Require(Str(reference, "distributionID"), "Identifiant du message acquitté absent", "reference.distributionID"),
        Bool(reference, "refused"),
        Str(reference, "errorDistributionID"),
        Str(reference, "step"));

    // JSON helpers shared with EmsiJsonReader: tolerant of absent objects, strict on types.

    internal static bool Has(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    internal static JsonElement? Obj(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    internal static IEnumerable<JsonElement> Arr(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    /// <summary>The string (or number) items of an array property, blanks skipped.</summary>
    internal static string[] Strings(JsonElement? parent, string name) => Arr(parent, name).Select(Text).OfType<string>().ToArray();

    /// <summary>A string or number property as trimmed text; null when absent, blank or of another kind.</summary>
    internal static string? Str(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) ? Text(value) : null;

    internal static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Clean(value.GetString()),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    internal static bool? Bool(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            }
            : null;

    /// <summary>An integer sent as a number or as a numeric string (EMSI SCALE is a string).</summary>
    internal static int? Int(JsonElement? parent, string name, string path)
    {
        var text = Str(parent, name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new NexsisFormatException($"Nombre illisible : {name}", $"{path}.{name} : « {text} »");
    }

    /// <summary>A checked point out of a coordinate object (RC-EDA/RC-RI <c>lat</c>/<c>lon</c>, EMSI <c>LAT</c>/<c>LONG</c>).</summary>
    internal static GeoCoordinate Point(JsonElement coord, string latitudeName, string longitudeName, string path, string? heightName = null)
    {
        var height = heightName is null ? null : Str(coord, heightName);
        return CheckPoint(
            ParseCoordinate(Str(coord, latitudeName), $"{path}.{latitudeName}"),
            ParseCoordinate(Str(coord, longitudeName), $"{path}.{longitudeName}"),
            height is null ? null : ParseCoordinate(height, $"{path}.{heightName}"),
            path);
    }
}
