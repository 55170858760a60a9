using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Domain.Directory;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Directory;

/// <summary>
/// Imports the directory from CSV, one line per contact. Organisations are merged by name and
/// territory (with the database and with earlier lines): values given complete or replace, empty
/// cells keep what is there. Each line is checked on its own; valid lines are imported, invalid ones
/// are refused and reported. With <c>apply: false</c> nothing is written: the report is a preview.
/// </summary>
public sealed class DirectoryCsvImport(
    IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory territories, AuditRecorder recorder, TimeProvider clock)
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public async Task<ImportReport> ImportAsync(Viewer viewer, Stream csv, bool apply, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayEditDirectory(viewer)) return ImportReport.Unreadable(AccessPolicy.DirectoryRefusal(viewer));
        var text = await CsvText.ReadUtf8Async(csv, cancellationToken);
        if (text.Contains('\uFFFD')) return ImportReport.Unreadable("Le fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 ».");
        var records = CsvText.Read(text).ToList();
        if (records.Count == 0) return ImportReport.Unreadable("Le fichier est vide.");
        var fileErrors = new List<string>();
        var columns = DirectoryCsvColumns.Read(records[0].Fields, fileErrors);
        if (columns is null) return ImportReport.Unreadable(fileErrors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Only what the viewer may edit can be merged into: an administrator's whole directory, a préfecture's department.
        var editable = AccessPolicy.MayAdminister(viewer) ? db.Organisations : db.Organisations.Within(viewer);
        var known = (await editable.ToListAsync(cancellationToken)).ToDictionary(Key);
        var touched = new Dictionary<Organisation, Tally>();
        var refused = new List<RefusedLine>();
        foreach (var record in records.Skip(1))
        {
            var reasons = new List<string>();
            var name = columns[record, "nom"];
            var line = new ImportLine(record, columns);
            var organisation = line.Apply(viewer, known, territories, now, reasons, out var created, out var contactChange);
            if (organisation is null)
            {
                refused.Add(new RefusedLine(record.Line, name, reasons));
                continue;
            }
            if (created) db.Organisations.Add(organisation);
            if (!touched.TryGetValue(organisation, out var tally)) touched[organisation] = tally = new Tally(created);
            tally.Lines.Add(record.Line);
            if (contactChange == ContactChange.Added) tally.Added++;
            if (contactChange == ContactChange.Updated) tally.Updated++;
        }
        if (apply && touched.Count > 0)
        {
            // One row per organisation, saved with the import itself: all of it or none.
            foreach (var (organisation, tally) in touched)
            {
                recorder.Add(db, DirectoryAuditActions.Imported, organisation.Name,
                    $"{(tally.Created ? "Créée" : "Mise à jour")} par import CSV (lignes {string.Join(", ", tally.Lines)}) : "
                    + $"{tally.Added} contact(s) ajouté(s), {tally.Updated} modifié(s).",
                    organisation, viewer);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        var imported = touched.Select(t => new ImportedOrganisation(t.Key.Id, t.Key.Name, territories.Describe(t.Key.Territory),
            t.Value.Created, t.Value.Added, t.Value.Updated, t.Value.Lines)).ToList();
        return new ImportReport(apply, records.Count - 1, imported, refused, []);
    }

    internal static string Key(Organisation organisation) => Key(organisation.Name, organisation.Territory);

    internal static string Key(string name, Jurisdiction territory) => $"{SearchText.Normalise(name)}|{territory}";

    private sealed class Tally(bool created)
    {
        public bool Created { get; } = created;

        public List<int> Lines { get; } = [];

        public int Added { get; set; }

        public int Updated { get; set; }
    }
}
