using System.Text.RegularExpressions;
using System.Xml.Linq;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Nexsis.Messages;
using static Enki.Infrastructure.Nexsis.Formats.IntakeChecks;

namespace Enki.Infrastructure.Nexsis.Formats;

/// <summary>
/// Reads EDXL-DE 2.0 XML distributions carrying CISU 2.0 <c>message</c>s, as NexSIS's exchange
/// system sends them. Namespace-aware and prefix-agnostic: elements are matched by namespace URI
/// (compared case-insensitively) and local name; children left unqualified under a prefixed parent
/// are accepted too. Throws <see cref="NexsisFormatException"/> for what it refuses.
/// </summary>
public static partial class CisuXmlReader
{
    /// <summary>EDXL-DE 2.0 namespace.</summary>
    public const string EdxlDeNamespace = "urn:oasis:names:tc:emergency:EDXL:DE:2.0";

    /// <summary>CISU 2.0 namespace.</summary>
    public const string CisuNamespace = "urn:emergency:cisu:2.0";

    [GeneratedRegex(@"^\((\d{5}|2[AB]\d{3})\)$")]
    private static partial Regex InseeLinePattern();

    /// <summary>Reads a parsed document.</summary>
    public static NexsisReadSuccess Read(XDocument document)
    {
        var root = document.Root ?? throw new NexsisFormatException("Enveloppe EDXL-DE absente", "document XML vide");
        if (root.Name.LocalName != "edxlDistribution")
        {
            if (HubMessageIn(root) is { } hub)
            {
                throw HubXml(hub);
            }
            throw new NexsisFormatException("Enveloppe EDXL-DE absente", $"élément racine {root.Name}");
        }

        if (!IsNamespace(root, EdxlDeNamespace))
        {
            throw new NexsisFormatException(
                $"Espace de noms EDXL-DE inattendu : {root.Name.NamespaceName}", $"attendu {EdxlDeNamespace}");
        }

        var distributionId = Require(Text(root, "distributionID"), "Identifiant de diffusion absent", "edxlDistribution/distributionID");
        var sender = Require(Text(root, "senderID"), "Émetteur absent", "edxlDistribution/senderID");
        var sentAt = RequireTimestamp(Text(root, "dateTimeSent"), "Date d'envoi", "edxlDistribution/dateTimeSent");
        var traffic = ParseTraffic(Text(root, "distributionStatus"), "edxlDistribution/distributionStatus");

        var contents = root.Descendants()
            .Where(e => e.Name.LocalName == "embeddedXMLContent" && IsNamespace(e, EdxlDeNamespace))
            .SelectMany(e => e.Elements())
            .ToArray();
        if (contents.Length == 0)
        {
            throw new NexsisFormatException("Aucun message dans l'enveloppe EDXL-DE", "aucun embeddedXMLContent");
        }

        var messages = new List<IntakeMessage>();
        foreach (var message in contents)
        {
            if (message.Name.LocalName != "message" || !IsNamespace(message, CisuNamespace))
            {
                throw new NexsisFormatException(
                    "Message CISU absent ou d'un espace de noms inattendu", $"{message.Name}, attendu {{{CisuNamespace}}}message");
            }

            // The message repeats the envelope status; a non-real one wins, an absent one changes nothing.
            if (Text(message, "status") is { } status)
            {
                traffic = TrafficKinds.Combine(traffic, ParseTraffic(status, "message/status"));
            }

            messages.Add(ReadMessage(message));
        }

        var distribution = new InboundDistribution(
            distributionId, sender, sentAt, traffic, Text(root, "distributionKind"), PayloadFormat.CisuXml);
        return new NexsisReadSuccess(distribution, messages);
    }

    private static IntakeMessage ReadMessage(XElement message)
    {
        var createEvent = Child(message, "createEvent");
        if (createEvent is null && HubMessageIn(message) is { } hub)
        {
            throw HubXml(hub);
        }
        if (createEvent is null)
        {
            var kind = message.Elements().Select(e => e.Name.LocalName).LastOrDefault() ?? "(vide)";
            throw new NexsisFormatException($"Message CISU non pris en charge : {kind}", "seul createEvent est lu");
        }

        return ReadCreateEvent(createEvent);
    }

    /// <summary>A hub message (RC-EDA, RC-RI, EMSI, RC-REF) written in XML, at the element or just under it.</summary>
    private static string? HubMessageIn(XElement element) =>
        new[] { element }.Concat(element.Elements())
            .Select(e => e.Name.LocalName)
            .FirstOrDefault(name => HubJsonReader.KnownMessages.Contains(name) || name.StartsWith("createCase", StringComparison.Ordinal));

    private static NexsisFormatException HubXml(string message) => new(
        "Format non pris en charge : message du hub en XML (Enki lit le hub en JSON, et le CISU en XML sous enveloppe EDXL-DE)",
        $"élément {message}");

    private static CaseCreated ReadCreateEvent(XElement createEvent)
    {
        var caseId = Require(Text(createEvent, "eventId"), "Identifiant d'affaire absent", "createEvent/eventId");
        var createdAt = RequireTimestamp(Text(createEvent, "createdAt"), "Date de création de l'affaire", "createEvent/createdAt");
        var alert = Child(createEvent, "primaryAlert");
        var alertCode = alert is null ? null : Child(alert, "alertCode");
        var whatsHappen = alertCode is null ? null : Child(alertCode, "whatsHappen");
        var natureCode = CheckNatureCode(Text(whatsHappen, "code"), "primaryAlert/alertCode/whatsHappen/code");
        var victims = alertCode is null ? null : Child(alertCode, "victims");

        return new CaseCreated(
            caseId,
            SenderCaseId: null,
            createdAt,
            OptionalTimestamp(Text(alert, "receivedAt"), "Date de réception de l'alerte", "primaryAlert/receivedAt"),
            natureCode,
            Text(whatsHappen, "label"),
            ReadLocation(Child(createEvent, "eventLocation")),
            Text(Child(alertCode, "locationKind"), "code"),
            Text(Child(alertCode, "healthMotive"), "code"),
            Children(alertCode, "riskThreat").Select(r => Text(r, "code")).OfType<string>().ToArray(),
            victims is null ? null : Victims(Text(victims, "count"), Text(victims, "mainVictim"), "alertCode/victims/count"),
            Text(createEvent, "severity"),
            alert is null
                ? null
                : new CaseAlert(Text(alert, "alertId"), Text(alert, "reporting"), StripTelScheme(Text(Child(alert, "call"), "dialledURI"))),
            Notes(
                (Text(whatsHappen, "comment"), null, CaseNoteSource.NatureComment),
                (Text(victims, "comment"), null, CaseNoteSource.VictimsComment)),
            ReadCaller(Child(alert, "caller")));
    }

    /// <summary>
    /// <c>eventLocation</c>: the address lines seen are « Chelles », « Chelles », « (77108) »: the
    /// parenthesised line is the INSEE code, the line before it the city, the rest the address.
    /// </summary>
    private static CaseLocation ReadLocation(XElement? location)
    {
        var lines = Children(location, "address").Select(a => Clean(a.Value)).OfType<string>().ToList();
        var inseeIndex = lines.FindLastIndex(l => InseeLinePattern().IsMatch(l));
        string? insee = null;
        string? city = null;
        if (inseeIndex >= 0)
        {
            insee = lines[inseeIndex].Trim('(', ')');
            city = inseeIndex > 0 ? lines[inseeIndex - 1] : null;
            lines = lines.Take(Math.Max(0, inseeIndex - 1)).Concat(lines.Skip(inseeIndex + 1)).ToList();
        }

        var coord = Child(location, "coord");
        var point = coord is null
            ? null
            : CheckPoint(
                ParseCoordinate(Text(coord, "lat"), "eventLocation/coord/lat"),
                ParseCoordinate(Text(coord, "lon"), "eventLocation/coord/lon"),
                null,
                "eventLocation/coord");

        return new CaseLocation(
            insee,
            city,
            lines.Count == 0 ? null : string.Join(", ", lines),
            StreetNumber: null,
            LocationName: null,
            Note: null,
            point,
            Precision: null,
            Text(location, "loc_Id"),
            Country: null);
    }

    private static CallerContact? ReadCaller(XElement? caller)
    {
        var phone = StripTelScheme(Text(caller, "callerURI"));
        return phone is null ? null : new CallerContact(null, null, null, phone, null, null, null, null);
    }

    private static bool IsNamespace(XElement element, string expected) =>
        string.Equals(element.Name.NamespaceName, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Children named <paramref name="localName"/> in the parent's namespace or in no namespace.</summary>
    private static IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent is null
            ? []
            : parent.Elements().Where(e => e.Name.LocalName == localName
                                           && (e.Name.Namespace == parent.Name.Namespace || e.Name.Namespace == XNamespace.None));

    private static XElement? Child(XElement? parent, string localName) => Children(parent, localName).FirstOrDefault();

    private static string? Text(XElement? parent, string localName) => Clean(Child(parent, localName)?.Value);
}
