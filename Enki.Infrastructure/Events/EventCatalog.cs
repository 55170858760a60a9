using System.Text.Json;
using System.Text.Json.Serialization;
using Enki.Domain.Crises;
using Enki.Domain.Events;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Domain.Vigilance;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Infrastructure.Persistence.Storage;

namespace Enki.Infrastructure.Events;

/// <summary>
/// The stored name of every event type, mapped explicitly so that C# names can change without
/// breaking what is already stored; and the JSON they are kept in (enums by their stored strings, <see cref="EnumStorage"/>).
/// </summary>
public static class EventCatalog
{
    private static readonly Dictionary<string, Type> ByName = new()
    {
        ["incident.opened"] = typeof(IncidentOpened),
        ["incident.requalified"] = typeof(IncidentRequalified),
        ["incident.status-changed"] = typeof(IncidentStatusChanged),
        ["incident.closed"] = typeof(IncidentClosed),
        ["incident.victims-changed"] = typeof(IncidentVictimsChanged),
        ["incident.resources-changed"] = typeof(IncidentResourcesChanged),
        ["crisis.opened"] = typeof(CrisisOpened),
        ["crisis.edited"] = typeof(CrisisEdited),
        ["crisis.ended"] = typeof(CrisisEnded),
        ["crisis.reopened"] = typeof(CrisisReopened),
        ["crisis.incident-attached"] = typeof(CrisisIncidentAttached),
        ["crisis.incident-detached"] = typeof(CrisisIncidentDetached),
        ["crisis.participant-set"] = typeof(CrisisParticipantSet),
        ["logbook.entry-written"] = typeof(LogbookEntryWritten),
        ["mobilisation.issued"] = typeof(MobilisationRequestIssued),
        ["mobilisation.moved"] = typeof(MobilisationRequestMoved),
        ["mobilisation.overdue"] = typeof(MobilisationRequestOverdue),
        ["nexsis.acknowledgement-owed"] = typeof(AcknowledgementOwed),
        ["warning.raised"] = typeof(WarningRaised),
        ["warning.delivered"] = typeof(WarningDelivered),
        ["warning.acknowledged"] = typeof(WarningAcknowledged),
        ["warning.escalated"] = typeof(WarningEscalated),
        ["vigilance.changed"] = typeof(VigilanceChanged),
    };

    private static readonly Dictionary<Type, string> ByType = ByName.ToDictionary(p => p.Value, p => p.Key);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Stored enums by their stored strings (EnumStorage); any other enum by name.
        Converters = { new StoredEnumJsonConverter(), new JsonStringEnumConverter() },
    };

    public static IEnumerable<Type> Types => ByName.Values;

    public static string NameOf(DomainEvent happened) =>
        ByType.TryGetValue(happened.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"{happened.GetType().Name} has no stored name: add it to {nameof(EventCatalog)}.");

    public static StoredEvent ToRow(DomainEvent happened)
    {
        var territory = happened.Territory();
        return new StoredEvent
        {
            Type = NameOf(happened),
            SubjectId = happened.SubjectId(),
            CommuneCode = territory?.CommuneCode,
            DepartmentCode = territory?.DepartmentCode,
            ZoneCode = territory?.ZoneCode,
            IsExercise = happened.IsExercise(),
            Payload = JsonSerializer.Serialize(happened, happened.GetType(), Json),
            OccurredAt = happened.OccurredAt.ToUniversalTime(),
        };
    }

    /// <summary>
    /// The event a row holds; null for a name this version does not know (written by a newer one) or a
    /// payload it cannot read: one such row must not stop every reader at its position.
    /// </summary>
    public static RecordedEvent? Read(StoredEvent row)
    {
        if (!ByName.TryGetValue(row.Type, out var type)) return null;
        try
        {
            return JsonSerializer.Deserialize(row.Payload, type, Json) is DomainEvent happened
                ? new RecordedEvent(row.Sequence, row.RecordedAt, happened)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
