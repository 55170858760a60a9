using Enki.Domain.Access;
using Enki.Domain.Mobilisation;

namespace Enki.Web.Components.Mobilisation.Shared;

/// <summary>
/// The buttons offered: the table's actions, except that an unopened request offers Accepter/Refuser
/// straight away (the command receives it first), so a mayor on a phone answers in one tap.
/// </summary>
public static class MobilisationOffer
{
    public static IReadOnlyList<MobilisationAction> For(MobilisationRequest request, Viewer viewer) =>
        [.. AccessPolicy.RequestActions(viewer, request).SelectMany(action => action == MobilisationAction.Receive
            ? new[] { MobilisationAction.Accept, MobilisationAction.Refuse }
            : [action])];
}
