using Enki.Domain.Mobilisation;

namespace Enki.Infrastructure.Crises.Retex;

/// <summary>A mobilisation request of the crisis and its outcome (its last status, with the refusal's reason).</summary>
public sealed record RetexRequest(
    DateTimeOffset IssuedAt, string Object, string IssuerName, string RecipientName, DateTimeOffset Deadline,
    MobilisationStatus Status, DateTimeOffset? ClosedAt, string? RefusalReason)
{
    public string Outcome => RefusalReason is { } reason ? $"{Status.French()} : {reason}" : Status.French();
}
