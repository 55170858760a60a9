using Enki.Domain.Access;

namespace Enki.Infrastructure.Audit;

/// <summary>One audit row. Append-only: <see cref="Persistence.EnkiDbContext"/> refuses updates and deletes.</summary>
public sealed class AuditEntry : ILocatedInTerritory
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string? ActorId { get; set; }

    public string? ActorName { get; set; }

    public string Action { get; set; } = "";

    public string? Target { get; set; }

    public string? Detail { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public string? CommuneCode { get; set; }

    public string? DepartmentCode { get; set; }

    public string? ZoneCode { get; set; }
}
