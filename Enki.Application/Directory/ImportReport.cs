namespace Enki.Application.Directory;

/// <summary>An organisation the import created or completed, with the lines that fed it.</summary>
public sealed record ImportedOrganisation(Guid Id, string Name, string Territory, bool Created, int ContactsAdded, int ContactsUpdated, IReadOnlyList<int> Lines);

/// <summary>A line left out, with its reasons in French.</summary>
public sealed record RefusedLine(int Line, string? Name, IReadOnlyList<string> Reasons);

/// <summary>
/// What an import did (or, as a preview, would do): valid lines are imported, invalid ones refused
/// and listed; a file that cannot be read at all imports nothing.
/// </summary>
public sealed record ImportReport(
    bool Applied, int LinesRead, IReadOnlyList<ImportedOrganisation> Organisations, IReadOnlyList<RefusedLine> Refused,
    IReadOnlyList<string> FileErrors)
{
    public static ImportReport Unreadable(params IReadOnlyList<string> errors) => new(false, 0, [], [], errors);

    public int Created => Organisations.Count(o => o.Created);

    public int Updated => Organisations.Count(o => !o.Created);

    public int ContactsAdded => Organisations.Sum(o => o.ContactsAdded);

    public int ContactsUpdated => Organisations.Sum(o => o.ContactsUpdated);

    public string Summary => FileErrors.Count > 0
        ? "Fichier refusé : rien n'a été importé."
        : $"{LinesRead} ligne(s) lue(s) : {Created} organisation(s) {(Applied ? "créée(s)" : "à créer")}, "
          + $"{Updated} {(Applied ? "mise(s) à jour" : "à mettre à jour")}, {ContactsAdded} contact(s) {(Applied ? "ajouté(s)" : "à ajouter")}, "
          + $"{ContactsUpdated} {(Applied ? "modifié(s)" : "à modifier")} ; {Refused.Count} ligne(s) refusée(s).";
}
