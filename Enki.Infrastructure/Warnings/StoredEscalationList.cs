using Enki.Domain.Warnings;

namespace Enki.Infrastructure.Warnings;

/// <summary>An organisation's escalation list as stored: its key and the ordered steps (one JSON column).</summary>
public sealed class StoredEscalationList
{
    public string OrganisationKey { get; set; } = "";

    public List<EscalationStep> Steps { get; set; } = [];

    public EscalationList ToList() => new(OrganisationKey, Steps);
}
