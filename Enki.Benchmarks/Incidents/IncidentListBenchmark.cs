using BenchmarkDotNet.Attributes;
using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Benchmarks.Incidents;

/// <summary>
/// The incidents grid's first page (count + 50 rows, newest opened first) over 100,000 incidents in
/// a SQLite file, for a national and a department viewer, and with the grid's filters. The file is
/// seeded once and kept between runs (each benchmark runs in its own process).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class IncidentListBenchmark
{
    private const int IncidentCount = 100_000;
    private const int PageSize = 50;
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "enki-incident-list-bench");

    private static readonly Viewer National = new("bench", "COGIC", Profile.Cogic, Jurisdiction.National);
    private static readonly Viewer Department = new("bench", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));

    private ServiceProvider _services = null!;
    private IncidentQueries _queries = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        var options = new EnkiOptions { DataPath = Folder };
        services.AddLogging();
        services.AddEnkiPersistence(options, new DataFolder(Folder, options));
        _services = services.BuildServiceProvider();
        _services.MigrateEnkiDatabaseAsync().GetAwaiter().GetResult();
        var dbFactory = _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();
        using (var db = dbFactory.CreateDbContext())
        {
            var existing = db.Incidents.Count();
            if (existing != IncidentCount)
            {
                db.Incidents.ExecuteDelete();
                IncidentListSeed.SeedAsync(dbFactory, FrenchGeographyLoader.Load(), IncidentCount).GetAwaiter().GetResult();
            }
            db.Database.ExecuteSqlRaw("ANALYZE");
        }
        _queries = new IncidentQueries(dbFactory);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true)]
    public Task<Page<IncidentRow>> FirstPageNational() =>
        _queries.ListRowsAsync(National, new IncidentFilter { Sort = IncidentSort.NewestFirst }, 0, PageSize);

    [Benchmark]
    public Task<Page<IncidentRow>> FirstPageDepartment() =>
        _queries.ListRowsAsync(Department, new IncidentFilter { Sort = IncidentSort.NewestFirst }, 0, PageSize);

    [Benchmark]
    public Task<Page<IncidentRow>> FamilyAndStatusNational() =>
        _queries.ListRowsAsync(National, new IncidentFilter(Status: IncidentStatus.InProgress, NatureFamily: "C04") { Sort = IncidentSort.NewestFirst }, 0, PageSize);

    [Benchmark]
    public Task<Page<IncidentRow>> FamilyAndStatusDepartment() =>
        _queries.ListRowsAsync(Department, new IncidentFilter(Status: IncidentStatus.InProgress, NatureFamily: "C04") { Sort = IncidentSort.NewestFirst }, 0, PageSize);

    [Benchmark]
    public Task<Page<IncidentRow>> FreeTextDepartment() =>
        _queries.ListRowsAsync(Department, new IncidentFilter { Text = "gare", Sort = IncidentSort.NewestFirst }, 0, PageSize);
}
