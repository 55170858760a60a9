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
    string ActorName, DateTimeOffset At)
{
    public static MobilisationChange Of(MobilisationRequest request, MobilisationChangeKind kind, string actorName, DateTimeOffset at) =>
        new(request.Id, kind, request.Status, request.Object, request.Recipient, request.IssuerId, request.IssuerProfile,
            request.IssuerJurisdiction, actorName, at);
}

/// <summary>
/// Mobilisation changes on their way to live screens: in-process today, swappable for a shared
/// backplane like the incident feed.
/// </summary>
public interface IMobilisationFeed
{
    ValueTask PublishAsync(MobilisationChange change, CancellationToken cancellationToken = default);

    IDisposable Subscribe(Func<MobilisationChange, ValueTask> onChange);
}
