using Enki.Domain.Access;

namespace Enki.Domain.Mobilisation;

public enum MobilisationChangeKind
{
    Issued,
    Moved,
    Overdue,
}

/// <summary>A committed change of a request, as the live screens of both sides need it.</summary>
public sealed record MobilisationChange(
    Guid RequestId, MobilisationChangeKind Kind, MobilisationStatus Status, string Object,
    MobilisationRecipient Recipient, string IssuerId, Profile? IssuerProfile, string IssuerJurisdiction,
    string ActorName, DateTimeOffset At);

/// <summary>
/// Mobilisation changes on their way to this node's live screens, from the event stream's screens
/// handler once committed.
/// </summary>
public interface IMobilisationFeed
{
    ValueTask PublishAsync(MobilisationChange change, CancellationToken cancellationToken = default);

    IDisposable Subscribe(Func<MobilisationChange, ValueTask> onChange);
}
