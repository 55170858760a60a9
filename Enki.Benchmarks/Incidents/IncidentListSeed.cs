using Enki.Application.Intake;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Benchmarks.Incidents;

/// <summary>
/// A national incident table for list benchmarks: a storm over Seine-et-Marne (a fifth of the rows)
/// on top of ordinary traffic everywhere, a month of openings, 2 % exercises, every status.
/// Built through <see cref="Incident.Open"/>; statuses are then spread with one SQL update.
/// </summary>
internal static class IncidentListSeed
{
    private static readonly string[] Natures =
        ["C01.01.00", "C02.01.00", "C03.01.00", "C04.02.01", "C04.01.00", "C05.01.00", "C06.01.00", "C07.01.00", "C08.01.00", "C09.01.00", "C10.01.00", "C11.01.00"];

    public static async Task SeedAsync(IDbContextFactory<EnkiDbContext> dbFactory, FrenchGeography geography, int count)
    {
        var random = new Random(77);
        var storm = geography.CommunesOfDepartment("77");
        var all = geography.Communes;
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        const int batch = 5_000;
        for (var done = 0; done < count; done += batch)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = done; n < Math.Min(count, done + batch); n++)
            {
                var commune = random.Next(5) == 0 ? storm[random.Next(storm.Count)] : all[random.Next(all.Count)];
                var at = start.AddSeconds(random.Next(30 * 24 * 3600));
                db.Incidents.Add(Open(n, commune, geography.DepartmentOf(commune), Natures[random.Next(Natures.Length)], at, random.Next(50) == 0));
            }
            await db.SaveChangesAsync();
        }
        await using var update = await dbFactory.CreateDbContextAsync();
        // Mostly closed, a crisis' worth still active.
        await update.Database.ExecuteSqlRawAsync("""
            UPDATE Incidents SET Status = CASE abs(random()) % 10
                WHEN 0 THEN 'Reported' WHEN 1 THEN 'InProgress' WHEN 2 THEN 'InProgress' WHEN 3 THEN 'Suspended'
                WHEN 4 THEN 'Cancelled' ELSE 'Completed' END
            """);
    }

    private static Incident Open(int n, Commune commune, Department department, string nature, DateTimeOffset at, bool exercise)
    {
        var place = new IncidentPlace(commune.InseeCode, commune.Name, department.Code, department.ZoneCode, null, null, $"{n % 200 + 1} rue de la Gare", null);
        return Incident.Open(new IncidentCase($"fr.fire.bench.{n:D7}", $"{n:D7}", at),
            new IncidentQualification(NexsisTranslation.Nature(nature, null), null, null, null),
            place, new MessageContext($"bench-{n}", at, at, exercise, "bench"));
    }
}
