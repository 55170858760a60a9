using Enki.Domain.Incidents;

namespace Enki.Infrastructure.Incidents;

/// <summary>What a list of incidents is narrowed to, on top of the viewer's jurisdiction.</summary>
/// <param name="Exercise">true: exercises only; false: real traffic only; null: both.</param>
public sealed record IncidentFilter(
    IncidentStatus? Status = null,
    string? NatureFamily = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool? Exercise = false,
    string? CommuneCode = null,
    string? DepartmentCode = null);
