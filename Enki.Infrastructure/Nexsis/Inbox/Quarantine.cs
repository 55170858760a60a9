using System.Text;
using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Nexsis.Intake;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Nexsis.Inbox;

/// <summary>A quarantined payload as administrators see it; <see cref="Payload"/> masked as <see cref="Masking"/> says.</summary>
public sealed record QuarantinedMessage(
    long Id, DateTimeOffset ReceivedAt, InboxChannel Channel, string? Sender, string? DistributionId, string? CaseId,
    string Reason, string? Detail, int Attempts, string Payload, PayloadMasking Masking = PayloadMasking.None);

/// <summary>
/// The quarantine: refused payloads with their reason, kept whole. Administrators read them and send
/// them back through the intake once the cause is fixed (e.g. a code list updated).
/// Quarantined payloads are not placed in a territory yet: national administrators only. Callers' personal
/// data in them is masked for display (<see cref="PersonalDataMask"/>) unless the viewer is the SDIS of the
/// territory of the case the message is about (<see cref="AccessPolicy.SeesCaller"/>); the stored payload stays whole.
/// </summary>
public sealed class Quarantine(IDbContextFactory<EnkiDbContext> dbFactory, IntakeTrigger intake, AuditRecorder recorder)
{
    /// <summary>Payload text shown at most (a distribution is rarely larger).</summary>
    private const int PayloadPreview = 64 * 1024;

    public async Task<Page<QuarantinedMessage>> ListAsync(Viewer viewer, string? text, int pageIndex, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayAdminister(viewer))
        {
            return new Page<QuarantinedMessage>([], 0, pageIndex, pageSize);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.NexsisInbox.AsNoTracking().Where(m => m.State == InboxState.Quarantined);
        if (!string.IsNullOrWhiteSpace(text))
        {
            rows = rows.Where(m => (m.Reason != null && m.Reason.Contains(text)) || (m.CaseId != null && m.CaseId.Contains(text))
                                   || (m.DistributionId != null && m.DistributionId.Contains(text)));
        }
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(m => m.Id).Skip(pageIndex * pageSize).Take(Math.Clamp(pageSize, 1, 200)).ToListAsync(cancellationToken);
        // The territory of a message is its case's, when the case is known; otherwise it is masked for everyone.
        var caseIds = items.Select(m => m.CaseId).OfType<string>().Distinct().ToList();
        var territories = (await db.Incidents.AsNoTracking().Where(i => caseIds.Contains(i.CaseId))
                .Select(i => new { i.CaseId, i.CommuneCode, i.DepartmentCode, i.ZoneCode }).ToListAsync(cancellationToken))
            .ToDictionary(i => i.CaseId, i => (ILocatedInTerritory)new Territory(i.CommuneCode, i.DepartmentCode, i.ZoneCode));
        return new Page<QuarantinedMessage>(
            items.Select(m => View(viewer, m, m.CaseId is null ? null : territories.GetValueOrDefault(m.CaseId))).ToList(), total, pageIndex, pageSize);
    }

    public async Task<int> CountAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayAdminister(viewer)) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.NexsisInbox.CountAsync(m => m.State == InboxState.Quarantined, cancellationToken);
    }

    /// <summary>Sends a quarantined payload back through the intake; false when there is no such message for this viewer.</summary>
    public async Task<bool> ReprocessAsync(Viewer viewer, long id, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayAdminister(viewer))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.NexsisInbox.FirstOrDefaultAsync(m => m.Id == id && m.State == InboxState.Quarantined, cancellationToken);
        if (row is null)
        {
            return false;
        }
        var reason = row.Reason;
        row.State = InboxState.Pending;
        row.Reason = row.Detail = null;
        row.WaitingSince = null;
        row.ProcessedAt = null;
        // Saved with the message's return to the intake: one without the other is not possible.
        recorder.Add(db, AuditActions.NexsisReprocessed, $"message NexSIS {id}", $"motif de quarantaine : {reason}", actor: viewer);
        await db.SaveChangesAsync(cancellationToken);
        intake.Request();
        return true;
    }

    public static QuarantinedMessage View(Viewer viewer, InboxMessage m, ILocatedInTerritory? territory)
    {
        var (text, masking) = AccessPolicy.SeesCaller(viewer, territory)
            ? (Encoding.UTF8.GetString(m.Payload), PayloadMasking.None)
            : PersonalDataMask.Mask(Encoding.UTF8.GetString(m.Payload));
        if (text.Length > PayloadPreview) text = text[..PayloadPreview] + $"\n… ({m.Payload.Length} octets au total)";
        // Rows refused before the ids were salvaged at reception: read them from the payload now.
        return new QuarantinedMessage(m.Id, m.ReceivedAt, m.Channel, m.Sender,
            m.DistributionId ?? RawIdentifiers.DistributionId(m.Payload), m.CaseId ?? RawIdentifiers.CaseId(m.Payload),
            m.Reason ?? "", m.Detail, m.Attempts, text, masking);
    }
}
