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
        new(MobilisationStatus.Emise, MobilisationAction.Receive, MobilisationStatus.Recue, MobilisationParty.Recipient),
        new(MobilisationStatus.Recue, MobilisationAction.Accept, MobilisationStatus.Acceptee, MobilisationParty.Recipient),
        new(MobilisationStatus.Recue, MobilisationAction.Refuse, MobilisationStatus.Refusee, MobilisationParty.Recipient),
        new(MobilisationStatus.Acceptee, MobilisationAction.Start, MobilisationStatus.EnCours, MobilisationParty.Recipient),
        new(MobilisationStatus.EnCours, MobilisationAction.Complete, MobilisationStatus.Realisee, MobilisationParty.Recipient),
        // The issuer may withdraw until the work is done.
        new(MobilisationStatus.Emise, MobilisationAction.Cancel, MobilisationStatus.Annulee, MobilisationParty.Issuer),
        new(MobilisationStatus.Recue, MobilisationAction.Cancel, MobilisationStatus.Annulee, MobilisationParty.Issuer),
        new(MobilisationStatus.Acceptee, MobilisationAction.Cancel, MobilisationStatus.Annulee, MobilisationParty.Issuer),
        new(MobilisationStatus.EnCours, MobilisationAction.Cancel, MobilisationStatus.Annulee, MobilisationParty.Issuer),
    ];

    public static Transition? Find(MobilisationStatus from, MobilisationAction action) =>
        Table.FirstOrDefault(t => t.From == from && t.Action == action);

    /// <summary>The one party that may take an action, whatever the status.</summary>
    public static MobilisationParty PartyOf(MobilisationAction action) => Table.First(t => t.Action == action).By;

    /// <summary>Actions a party may take from a status (the buttons a page shows).</summary>
    public static IEnumerable<MobilisationAction> ActionsFor(MobilisationStatus from, MobilisationParty party) =>
        Table.Where(t => t.From == from && t.By == party).Select(t => t.Action);
}
