using Enki.Domain.Access;
using Enki.Domain.Vigilance;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Vigilance;
using Microsoft.EntityFrameworkCore;

namespace Enki.Application.Vigilance;

/// <summary>
/// Takes one source's latest map: each vigilance is created or updated, and one the map no longer lists goes
/// back to green (a river section back to normal, a day that passed). Colour changes reach the stream
/// (<see cref="VigilanceChanged"/>) in the same commit. A document that could not be read is kept with its reason.
/// </summary>
public sealed class VigilanceIntake(IDbContextFactory<EnkiDbContext> dbFactory, ITerritoryDirectory territories, TimeProvider clock)
{
    /// <summary>Applies the readings; returns how many vigilances changed colour.</summary>
    public async Task<int> ApplyAsync(VigilanceSource source, IReadOnlyList<VigilanceReading> readings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Vigilances.Where(v => v.Source == source).ToDictionaryAsync(v => v.Key, cancellationToken);
        // A key read twice (a section listed twice) keeps its most serious colour.
        var latest = readings.Where(r => r.Source == source).GroupBy(r => r.Key).Select(g => g.MaxBy(r => r.Colour)!).ToList();
        foreach (var reading in latest)
        {
            if (stored.Remove(reading.Key, out var vigilance))
            {
                vigilance.Apply(reading, now);
            }
            else
            {
                var zone = reading.DepartmentCode is null ? null : territories.ZoneOfDepartment(reading.DepartmentCode);
                db.Vigilances.Add(AreaVigilance.Create(reading, zone, now));
            }
        }
        foreach (var gone in stored.Values.Where(v => v.Colour != VigilanceColour.Green))
        {
            var subject = gone.Subject;
            gone.Apply(new VigilanceReading(gone.Source, gone.AreaCode, gone.AreaLabel, gone.DepartmentCode, gone.Phenomenon, gone.PhenomenonLabel, gone.Day,
                VigilanceColour.Green, subject.ValidFrom, subject.ValidTo, subject.CommuneCodes), now);
        }
        var changes = db.ChangeTracker.Entries<AreaVigilance>().Sum(e => e.Entity.PendingEvents().Count);
        await db.SaveChangesAsync(cancellationToken);
        return changes;
    }

    public async Task QuarantineAsync(VigilanceSource source, string reason, string payload, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.VigilanceQuarantine.Add(QuarantinedVigilanceDocument.Of(source, reason, payload, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
