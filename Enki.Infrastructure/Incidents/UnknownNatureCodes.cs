using Enki.Domain.Access;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Incidents;

/// <summary>A nature code received but missing from the embedded list, with what is needed to add it.</summary>
public sealed record UnknownNatureCode(
    string Code, string Family, int Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string? SampleLabel, string SampleCaseId);

/// <summary>
/// The nature codes partners send that the embedded list lacks (another version of the nomenclature):
/// the incidents are taken in with the sender's label; administrators see the codes here to update the list.
/// </summary>
public sealed class UnknownNatureCodes(IDbContextFactory<EnkiDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UnknownNatureCode>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!AccessPolicy.MayAdminister(viewer))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => i.NatureCodeUnknown)
            .GroupBy(i => i.NatureCode)
            .Select(g => new
            {
                Code = g.Key,
                Count = g.Count(),
                // Min/Max over DateTimeOffset do not translate on SQLite: the sample and the times are read below.
                Sample = g.OrderByDescending(i => i.Id).Select(i => new { i.NatureLabelAsSent, i.CaseId }).First(),
            })
            .ToListAsync(cancellationToken);
        var times = await db.Incidents.AsNoTracking()
            .Where(i => i.NatureCodeUnknown)
            .Select(i => new { i.NatureCode, i.ReceivedAt })
            .ToListAsync(cancellationToken);
        var byCode = times.GroupBy(t => t.NatureCode).ToDictionary(g => g.Key, g => (First: g.Min(t => t.ReceivedAt), Last: g.Max(t => t.ReceivedAt)));
        return rows
            .Select(r => new UnknownNatureCode(r.Code, r.Code[..Math.Min(3, r.Code.Length)], r.Count, byCode[r.Code].First, byCode[r.Code].Last,
                r.Sample.NatureLabelAsSent, r.Sample.CaseId))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code)
            .ToList();
    }
}
