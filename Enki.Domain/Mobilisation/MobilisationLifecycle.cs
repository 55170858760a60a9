namespace Enki.Domain.Mobilisation;

/// <summary>
/// The whole lifecycle of a mobilisation request in one table: from a status, an action leads to
/// one status and only one party may take it. Anything not listed is refused with a French reason.
/// </summary>
public static class MobilisationLifecycle
{
    public sealed record Transition(MobilisationStatus From, MobilisationAction Action, MobilisationStatus To, MobilisationParty By);

    public static IReadOnlyList<Transition> Table { get; } =
    [
        new(MobilisationStatus.Issued, MobilisationAction.Receive, MobilisationStatus.Received, MobilisationParty.Recipient),
        new(MobilisationStatus.Received, MobilisationAction.Accept, MobilisationStatus.Accepted, MobilisationParty.Recipient),
        new(MobilisationStatus.Received, MobilisationAction.Refuse, MobilisationStatus.Refused, MobilisationParty.Recipient),
        new(MobilisationStatus.Accepted, MobilisationAction.Start, MobilisationStatus.InProgress, MobilisationParty.Recipient),
        new(MobilisationStatus.InProgress, MobilisationAction.Complete, MobilisationStatus.Completed, MobilisationParty.Recipient),
        // The issuer may withdraw until the work is done.
        new(MobilisationStatus.Issued, MobilisationAction.Cancel, MobilisationStatus.Cancelled, MobilisationParty.Issuer),
        new(MobilisationStatus.Received, MobilisationAction.Cancel, MobilisationStatus.Cancelled, MobilisationParty.Issuer),
        new(MobilisationStatus.Accepted, MobilisationAction.Cancel, MobilisationStatus.Cancelled, MobilisationParty.Issuer),
        new(MobilisationStatus.InProgress, MobilisationAction.Cancel, MobilisationStatus.Cancelled, MobilisationParty.Issuer),
    ];

    public static Transition? Find(MobilisationStatus from, MobilisationAction action) =>
        Table.FirstOrDefault(t => t.From == from && t.Action == action);

    /// <summary>The one party that may take an action, whatever the status.</summary>
    public static MobilisationParty PartyOf(MobilisationAction action) => Table.First(t => t.Action == action).By;

    /// <summary>Actions a party may take from a status (the buttons a page shows).</summary>
    public static IEnumerable<MobilisationAction> ActionsFor(MobilisationStatus from, MobilisationParty party) =>
        Table.Where(t => t.From == from && t.By == party).Select(t => t.Action);
}
