using System.Xml.Linq;
using Enki.Infrastructure.Nexsis.Formats;

namespace Enki.Simulator;

/// <summary>
/// Writes a CISU 2.0 <c>createEvent</c> in an EDXL-DE 2.0 XML distribution, as NexSIS's exchange system
/// sent them for SDIS 77 in 2020: address lines « street », « city », « (INSEE) ».
/// </summary>
public static class CisuXmlComposer
{
    private static readonly XNamespace De = CisuXmlReader.EdxlDeNamespace;
    private static readonly XNamespace Cisu = CisuXmlReader.CisuNamespace;
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    public static string CreateEvent(SimulatedIncident incident, string distributionId, DateTimeOffset sentAt, string callerPhone)
    {
        var sent = SimulationFormat.Time(sentAt);
        var sender = incident.Brigade.SenderId;
        var message = new XElement(Cisu + "message",
            new XElement(Cisu + "messageId", distributionId),
            new XElement(Cisu + "sender", new XElement(Cisu + "name", incident.Brigade.Name), new XElement(Cisu + "URI", $"sge:{sender}")),
            new XElement(Cisu + "sentAt", sent),
            new XElement(Cisu + "msgType", "ALERT"),
            new XElement(Cisu + "status", incident.Exercise ? "EXERCISE" : "ACTUAL"),
            new XElement(Cisu + "recipients",
                new XElement(Cisu + "recipient", new XElement(Cisu + "name", "sgc-enki"), new XElement(Cisu + "URI", "sge:sgc-enki"))),
            new XElement(Cisu + "createEvent",
                new XElement(Cisu + "eventId", incident.CaseId),
                new XElement(Cisu + "createdAt", SimulationFormat.Time(incident.CreatedAt)),
                new XElement(Cisu + "severity", incident.Major ? "EXTREME" : incident.Casualties.Total > 0 ? "SEVERE" : "MODERATE"),
                new XElement(Cisu + "eventLocation", LocationContent(incident, withId: true)),
                new XElement(Cisu + "primaryAlert",
                    new XElement(Cisu + "alertId", $"{sender}-{incident.SenderCaseId}"),
                    new XElement(Cisu + "receivedAt", SimulationFormat.Time(incident.ReceivedAt)),
                    new XElement(Cisu + "reporting", "STANDARD"),
                    new XElement(Cisu + "alertLocation", LocationContent(incident, withId: false)),
                    new XElement(Cisu + "call", new XElement(Cisu + "source", "requérant"), new XElement(Cisu + "dialledURI", "tel:18")),
                    new XElement(Cisu + "caller", new XElement(Cisu + "callerURI", $"tel:{callerPhone}")),
                    new XElement(Cisu + "callTaker"),
                    new XElement(Cisu + "alertCode",
                        new XElement(Cisu + "version", "latest"),
                        new XElement(Cisu + "whatsHappen",
                            new XElement(Cisu + "code", incident.Nature.Code),
                            new XElement(Cisu + "label", incident.NatureLabel),
                            new XElement(Cisu + "comment", incident.Description)),
                        new XElement(Cisu + "locationKind",
                            new XElement(Cisu + "code", incident.Nature.LocationKindCode),
                            new XElement(Cisu + "label", incident.LocationKindLabel)),
                        new XElement(Cisu + "victims", new XElement(Cisu + "count", VictimCount(incident)))))));

        var distribution = new XElement(De + "edxlDistribution",
            new XAttribute(XNamespace.Xmlns + "xlink", XLink),
            new XAttribute(XLink + "type", "extended"),
            new XElement(De + "distributionID", distributionId),
            new XElement(De + "senderID", sender),
            new XElement(De + "dateTimeSent", sent),
            new XElement(De + "dateTimeExpires", SimulationFormat.Time(sentAt.AddYears(50))),
            new XElement(De + "distributionStatus", incident.Exercise ? "Exercise" : "Actual"),
            new XElement(De + "distributionKind", "Report"),
            new XElement(De + "descriptor", new XAttribute(XLink + "type", "resource"),
                new XElement(De + "language", "fr-FR"),
                new XElement(De + "explicitAddress",
                    new XElement(De + "explicitAddressScheme", "sge"),
                    new XElement(De + "explicitAddressValue", "sgc-enki"))),
            new XElement(De + "content", new XAttribute(XLink + "type", "resource"),
                new XElement(De + "contentObject", new XAttribute(XLink + "type", "resource"),
                    new XElement(De + "contentXML", new XElement(De + "embeddedXMLContent", message)))));

        return "<?xml version=\"1.0\" ?>" + distribution.ToString(SaveOptions.DisableFormatting);
    }

    private static object[] LocationContent(SimulatedIncident incident, bool withId) =>
    [
        withId ? new XElement(Cisu + "loc_Id", $"loc-{incident.SenderCaseId}") : null!,
        new XElement(Cisu + "type", "POINT"),
        new XElement(Cisu + "coordsys", "EPSG:4326"),
        new XElement(Cisu + "coord",
            new XElement(Cisu + "lat", SimulationFormat.Number(incident.Latitude)),
            new XElement(Cisu + "lon", SimulationFormat.Number(incident.Longitude))),
        new XElement(Cisu + "address", incident.Address),
        new XElement(Cisu + "address", incident.Commune.Name),
        new XElement(Cisu + "address", $"({incident.InseeCodeAsSent})"),
    ];

    private static string VictimCount(SimulatedIncident incident) => incident.Casualties.Total switch
    {
        0 => "NONE",
        1 => "ONE",
        < 6 => "SEVERAL",
        _ => "MANY",
    };
}
