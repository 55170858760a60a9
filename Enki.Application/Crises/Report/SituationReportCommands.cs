using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Crises.Report;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Crises.Report;

/// <summary>A pilot writes the situation (and, if they wish, the outlook) that heads the point de situation.</summary>
public sealed class SituationReportCommands(IDbContextFactory<EnkiDbContext> dbFactory, ILogbook logbook)
{
    /// <exception cref="CrisisRefused">Not a pilot of the crisis, invisible crisis, or invalid text.</exception>
    public async Task WriteAsync(Viewer pilot, Guid crisisId, string situation, string? outlook, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var crisis = await db.Crises.AsNoTracking().FirstOrDefaultAsync(c => c.Id == crisisId, cancellationToken);
            if (crisis is null || !AccessPolicy.SeesCrisis(pilot, crisis)) throw new CrisisRefused("Crise introuvable.");
            if (!AccessPolicy.HasCrisisRight(pilot, crisis, ParticipationRight.Lead))
            {
                throw new CrisisRefused("Seuls les pilotes de la crise rédigent son point de situation.");
            }
        }
        if (string.IsNullOrWhiteSpace(situation)) throw new CrisisRefused("Décrivez la situation.");
        // Both checked before either is written, and both commit together: half a point de situation would mislead.
        if (situation.Trim().Length > LogbookEntry.TextMaxLength || outlook?.Trim().Length > LogbookEntry.TextMaxLength)
        {
            throw new CrisisRefused($"Chaque texte tient en {LogbookEntry.TextMaxLength} caractères.");
        }
        await logbook.AppendAllAsync(crisisId, pilot, string.IsNullOrWhiteSpace(outlook)
            ? [(LogbookEntryKind.SituationReport, situation, null)]
            : [(LogbookEntryKind.SituationReport, situation, null), (LogbookEntryKind.SituationReport, outlook, [SituationReportQueries.OutlookTag])],
            cancellationToken);
    }
}
