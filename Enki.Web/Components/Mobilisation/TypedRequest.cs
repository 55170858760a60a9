using Enki.Domain.Mobilisation;

namespace Enki.Web.Components.Mobilisation;

/// <summary>
/// What has been typed in the new-request form, kept in the circuit's persisted state: a node stopped
/// gracefully mid-typing hands it to the browser, and the form comes back filled on another node.
/// </summary>
public sealed record TypedRequest(
    string? RecipientCommune,
    Guid? CrisisId,
    string Object,
    string Resource,
    int? Quantity,
    string? Unit,
    string Place,
    MobilisationPriority Priority,
    DateTime? DeadlineDate,
    TimeSpan? DeadlineTime,
    string? Detail);
