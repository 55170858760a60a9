using System.Text.Json;
using Enki.Infrastructure.Nexsis.Messages;
using static Enki.Infrastructure.Nexsis.Formats.HubJsonReader;
using static Enki.Infrastructure.Nexsis.Formats.IntakeChecks;

namespace Enki.Infrastructure.Nexsis.Formats;

/// <summary>Reads the <c>emsi</c> object of hub JSON into a <see cref="SituationUpdated"/>.</summary>
internal static class EmsiJsonReader
{
    /// <summary>The situation and the traffic kind of <c>CONTEXT.MODE</c>.</summary>
    public static (IntakeMessage Message, TrafficKind Traffic) Read(JsonElement emsi)
    {
        var context = Obj(emsi, "CONTEXT") ?? throw new NexsisFormatException("Contexte EMSI absent", "emsi.CONTEXT");
        var evt = Obj(emsi, "EVENT") ?? throw new NexsisFormatException("Événement EMSI absent", "emsi.EVENT");
        var traffic = ParseTraffic(Str(context, "MODE"), "emsi.CONTEXT.MODE");
        var localId = Require(Str(evt, "ID"), "Identifiant d'affaire absent", "emsi.EVENT.ID");
        var origin = Obj(context, "ORIGIN");

        var situation = new SituationUpdated(
            Str(evt, "MAIN_EVENT_ID") ?? localId,
            localId,
            Require(Str(context, "ID"), "Identifiant du message EMSI absent", "emsi.CONTEXT.ID"),
            Str(context, "MSGTYPE"),
            OptionalTimestamp(Str(context, "CREATION"), "Date de création du message EMSI", "emsi.CONTEXT.CREATION"),
            Str(origin, "ORG_ID"),
            Str(origin, "NAME"),
            Str(context, "FREETEXT"),
            Str(evt, "NAME"),
            ParseStatus(Str(evt, "STATUS")),
            ParseScale(evt),
            Int(evt, "CERTAINTY", "emsi.EVENT"),
            OptionalTimestamp(Str(evt, "DECL_DATIME"), "Date de déclaration de l'événement", "emsi.EVENT.DECL_DATIME"),
            OptionalTimestamp(Str(evt, "OCC_DATIME"), "Date de survenue de l'événement", "emsi.EVENT.OCC_DATIME"),
            OptionalTimestamp(Str(evt, "OBS_DATIME"), "Date d'observation de l'événement", "emsi.EVENT.OBS_DATIME"),
            // The schema spells it RISK_ASSESMENT; the code list file RISK_ASSESSMNT: accept both.
            Str(evt, "RISK_ASSESMENT") ?? Str(evt, "RISK_ASSESSMENT"),
            Str(evt, "CAUSE"),
            Strings(Obj(evt, "ETYPE"), "CATEGORY"),
            Str(evt, "FREETEXT"),
            Arr(evt, "CASUALTIES").Select((c, i) => ReadCasualties(c, $"emsi.EVENT.CASUALTIES[{i}]")).ToArray(),
            Arr(evt, "EVAC").Select((e, i) => new EvacuationCount(
                OptionalTimestamp(Str(e, "DATIME"), "Date du décompte des évacués", $"emsi.EVENT.EVAC[{i}].DATIME"),
                Int(e, "DISPLACED", $"emsi.EVENT.EVAC[{i}]"),
                Int(e, "EVACUATED", $"emsi.EVENT.EVAC[{i}]"))).ToArray(),
            Arr(evt, "EGEO").Select((g, i) => (Geo: g, Path: $"emsi.EVENT.EGEO[{i}]"))
                .Where(g => Obj(g.Geo, "POSITION") is not null)
                .Select(g => ReadPosition(Obj(g.Geo, "POSITION")!.Value, $"{g.Path}.POSITION",
                    Str(g.Geo, "TYPE"),
                    OptionalTimestamp(Str(g.Geo, "DATIME"), "Date de la position", $"{g.Path}.DATIME")))
                .ToArray(),
            Arr(emsi, "MISSION").Select((m, i) => ReadMission(m, $"emsi.MISSION[{i}]")).ToArray(),
            Arr(emsi, "RESOURCE").Select((r, i) => ReadResource(r, $"emsi.RESOURCE[{i}]")).ToArray());
        return (situation, traffic);
    }

    private static EmsiEventStatus? ParseStatus(string? status) => status switch
    {
        null => null,
        "NST" => EmsiEventStatus.NotStarted,
        "IPR" => EmsiEventStatus.InProgress,
        "STOP" => EmsiEventStatus.Stopped,
        "COM" => EmsiEventStatus.Completed,
        _ => throw new NexsisFormatException($"Statut d'événement EMSI inconnu : {status}", "emsi.EVENT.STATUS"),
    };

    private static int? ParseScale(JsonElement evt)
    {
        var scale = Int(evt, "SCALE", "emsi.EVENT");
        return scale is null or (>= 1 and <= 5)
            ? scale
            : throw new NexsisFormatException($"Échelle EMSI invalide : {scale}", "emsi.EVENT.SCALE (1 à 5)");
    }

    private static TriageCount ReadCasualties(JsonElement casualties, string path) => new(
        Str(casualties, "CONTEXT"),
        OptionalTimestamp(Str(casualties, "DATIME"), "Date du décompte des victimes", $"{path}.DATIME"),
        Int(casualties, "TRIAGERED", path),
        Int(casualties, "TRIAGEYELLOW", path),
        Int(casualties, "TRIAGEGREEN", path),
        Int(casualties, "TRIAGEBLACK", path),
        Int(casualties, "MISSING", path),
        Int(casualties, "DECONT", path));

    private static EmsiPosition ReadPosition(JsonElement position, string path, string? geoType, DateTimeOffset? observedAt) => new(
        Str(position, "LOC_ID"),
        Str(position, "NAME"),
        Str(position, "TYPE"),
        Arr(position, "COORD").Select((c, i) => Point(c, "LAT", "LONG", $"{path}.COORD[{i}]", "HEIGHT")).ToArray(),
        // Some senders serialise an empty address as the literal "None".
        Strings(position, "ADDRESS").Where(a => a != "None").ToArray(),
        geoType,
        observedAt);

    private static EmsiMission ReadMission(JsonElement mission, string path)
    {
        const string Incomplete = "Mission EMSI incomplète (ID, TYPE, NAME et STATUS sont obligatoires)";
        var position = Obj(mission, "POSITION");
        return new EmsiMission(
            Require(Str(mission, "ID"), Incomplete, $"{path}.ID"),
            Require(Str(mission, "TYPE"), Incomplete, $"{path}.TYPE"),
            Require(Str(mission, "NAME"), Incomplete, $"{path}.NAME"),
            Require(Str(mission, "STATUS"), Incomplete, $"{path}.STATUS"),
            Str(mission, "ORG_ID"),
            OptionalTimestamp(Str(mission, "START_TIME"), "Date de début de mission", $"{path}.START_TIME"),
            OptionalTimestamp(Str(mission, "END_TIME"), "Date de fin de mission", $"{path}.END_TIME"),
            Strings(mission, "RESOURCE_ID"),
            Strings(mission, "PARENT_MISSION_ID"),
            Strings(mission, "CHILD_MISSION_ID"),
            Str(mission, "MAIN_MISSION_ID"),
            Int(mission, "PRIORITY", path),
            position is null ? null : ReadPosition(position.Value, $"{path}.POSITION", null, null),
            Str(mission, "FREETEXT"));
    }

    private static EmsiResource ReadResource(JsonElement resource, string path)
    {
        const string Incomplete = "Ressource EMSI incomplète (ID, NAME et STATUS sont obligatoires)";
        var rtype = Obj(resource, "RTYPE");
        var quantity = Str(resource, "QUANTITY");
        return new EmsiResource(
            Require(Str(resource, "ID"), Incomplete, $"{path}.ID"),
            Require(Str(resource, "NAME"), Incomplete, $"{path}.NAME"),
            Strings(rtype, "RCLASS"),
            Strings(rtype, "CAPABILITY"),
            Str(resource, "ORG_ID"),
            Require(Str(resource, "STATUS"), Incomplete, $"{path}.STATUS"),
            quantity is null ? null : ParseNumber(quantity, "Quantité illisible", $"{path}.QUANTITY"),
            Str(resource, "UM"),
            Str(resource, "FREETEXT"),
            Str(resource, "NATIONALITY"));
    }
}
