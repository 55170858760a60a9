using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Warnings;

/// <summary>
/// Writes a warning's steps (raised, escalated, acknowledged) into the main courante of every ongoing
/// crisis whose territory holds the warning's place, in the same unit of work as the step itself.
/// </summary>
public static class WarningLogbook
{
    public const string Tag = "avertissement";

    private const string EnkiAuthorId = "enki";
    private const string EnkiAuthor = "Enki — avertissements";

    public static async Task RaisedAsync(EnkiDbContext db, IReadOnlyList<Warning> warnings, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var warning in warnings)
        {
            var to = string.Join(", ", warning.Recipients.Select(r => r.Name));
            var people = warning.Deliveries.Select(d => d.UserName).Distinct().Count();
            await WriteAsync(db, warning, EnkiAuthorId, EnkiAuthor, "Enki",
                $"Avertissement{(warning.Urgent ? " urgent" : "")} « {warning.Title} » envoyé à {to} ({people} personne(s)).", at, cancellationToken);
        }
    }

    public static Task EscalatedAsync(EnkiDbContext db, Warning warning, EscalationStep step, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(db, warning, EnkiAuthorId, EnkiAuthor, "Enki",
            $"Avertissement « {warning.Title} » non acquitté : escaladé vers {step.Name}.", at, cancellationToken);

    public static Task AcknowledgedAsync(EnkiDbContext db, Warning warning, Viewer by, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(db, warning, by.Id, by.Name, $"{by.Profile?.Label()} — {by.Jurisdiction.Label}",
            $"Avertissement « {warning.Title} » acquitté par {by.Name}.", at, cancellationToken);

    private static async Task WriteAsync(
        EnkiDbContext db, Warning warning, string authorId, string authorName, string organisation, string text, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        foreach (var crisisId in await CrisesOfAsync(db, warning, cancellationToken))
        {
            db.LogbookEntries.Add(LogbookEntry.Write(crisisId, authorId, authorName, organisation, LogbookEntryKind.Information, text, [Tag], null, at));
        }
    }

    /// <summary>
    /// A warning about a request belongs to the request's own crisis only (its issuer chose it, with the
    /// right to write there); a warning about an incident belongs to every ongoing crisis over its place.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> CrisesOfAsync(EnkiDbContext db, Warning warning, CancellationToken cancellationToken)
    {
        if (warning.SubjectKind == WarningSubjectKind.MobilisationRequest)
        {
            var crisisId = await db.MobilisationRequests.Where(r => r.Id == warning.SubjectId)
                .Select(r => r.CrisisId).FirstOrDefaultAsync(cancellationToken);
            return crisisId is { } id
                ? await db.Crises.Where(c => c.Id == id && c.Status == CrisisStatus.Ongoing).Select(c => c.Id).ToListAsync(cancellationToken)
                : [];
        }
        var place = new WarningPlace(warning.CommuneCode, warning.DepartmentCode, warning.ZoneCode);
        // Ongoing crises are few; their territories are a JSON column, matched here.
        var crises = await db.Crises.AsNoTracking().Where(c => c.Status == CrisisStatus.Ongoing && !c.IsExercise).ToListAsync(cancellationToken);
        return crises.Where(c => c.Territories.Any(t => Holds(t, place))).Select(c => c.Id).ToList();
    }

    private static bool Holds(CrisisTerritory territory, WarningPlace place) => territory.Kind == JurisdictionKind.Commune
        ? place.CommuneCode == territory.CommuneCode
        : place.DepartmentCode == territory.DepartmentCode && place.DepartmentCode is not null;
}
