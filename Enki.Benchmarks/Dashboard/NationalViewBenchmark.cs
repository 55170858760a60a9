using BenchmarkDotNet.Attributes;
using Enki.Application.Intake;
using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Enki.Benchmarks.Dashboard;

/// <summary>
/// The national view over a store of 1.28 million incidents (10,000 of the current crisis, the rest
/// history, completed): dashboard figures, and the incident list's first page (count + 50 rows).
/// Target: under 200 ms for both together.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class NationalViewBenchmark
{
    private const int Current = 10_000;
    private const int Doublings = 7; // 10,000 × 2^7 = 1,280,000
    private readonly string _file = Path.Combine(Path.GetTempPath(), "enki-national-bench.db");
    private DashboardQueries _dashboard = null!;
    private IncidentQueries _incidents = null!;
    private DateTimeOffset _now;
    private readonly Viewer _national = new("bench", "COGIC", Profile.Cogic, Jurisdiction.National);

    [GlobalSetup]
    public async Task Setup()
    {
        var geography = FrenchGeographyLoader.Load();
        var factory = new SqliteFactory($"Data Source={_file}");
        _now = DateTimeOffset.UtcNow;
        if (!File.Exists(_file))
        {
            await SeedAsync(factory, geography);
        }
        _dashboard = new DashboardQueries(factory, geography);
        _incidents = new IncidentQueries(factory);
        await using var db = factory.CreateDbContext();
        Console.WriteLine($"// {await db.Incidents.CountAsync()} incidents in {_file}");
    }

    [Benchmark]
    public Task<DashboardFigures> DashboardFigures() => _dashboard.ReadAsync(Jurisdiction.National, _now);

    /// <summary>What the incidents page asks for: the grid's columns only, newest opened first.</summary>
    [Benchmark]
    public Task<Page<IncidentRow>> FirstPageOfIncidents() => _incidents.ListRowsAsync(_national, new IncidentFilter(), 0, 50);

    [Benchmark]
    public async Task<int> BothTogether()
    {
        var figures = await DashboardFigures();
        var page = await FirstPageOfIncidents();
        return figures.InProgress + page.Items.Count;
    }

    private async Task SeedAsync(SqliteFactory factory, FrenchGeography geography)
    {
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var random = new Random(42);
            var communes = geography.Communes.Where(c => c.Population > 2000 && geography.DepartmentOf(c).ZoneCode.Length > 0).ToArray();
            var natures = new[] { "C04.02.01", "C01.01.01", "C08.01.00", "C09.05.00", "C07.07.01", "C02.10.00" };
            var locator = new IncidentLocator(geography);
            for (var i = 0; i < Current; i++)
            {
                var commune = communes[random.Next(communes.Length)];
                var department = geography.DepartmentOf(commune);
                var opened = _now.AddMinutes(-random.Next(0, 24 * 60));
                var qualification = new IncidentQualification(NexsisTranslation.Nature(natures[random.Next(natures.Length)], null), null, null, null);
                var place = new IncidentPlace(commune.InseeCode, commune.Name, department.Code, department.ZoneCode, null, null, "1 rue de la République", null);
                db.Incidents.Add(Incident.Open(new IncidentCase($"fr.fire.bench.SC-{i:000000}", null, opened), qualification, place,
                    new MessageContext($"bench-{i}", opened, opened, false, "bench")));
            }
            await db.SaveChangesAsync();
        }

        // History: copies of the current crisis pushed back in time by whole weeks, completed.
        await using var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('Incidents')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        for (var d = 1; d <= Doublings; d++)
        {
            await using var command = connection.CreateCommand();
            // DateTimeOffset is stored as (ticks / 1000) << 11 for UTC values: one week back is a fixed subtraction.
            var shift = 7L * d * 24 * 3600 * 10_000_000 / 1000 * 2048;
            command.CommandText = $"INSERT INTO Incidents ({string.Join(", ", columns)}) SELECT {string.Join(", ", columns.Select(c => Copy(c, d, shift)))} " +
                                  "FROM (SELECT *, hex(randomblob(16)) AS h FROM Incidents)";
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>How a history copy differs from its original: new id and case id, completed, older.</summary>
    private static string Copy(string column, int doubling, long shift) => column switch
    {
        "Id" => "upper(substr(h,1,8)||'-'||substr(h,9,4)||'-'||substr(h,13,4)||'-'||substr(h,17,4)||'-'||substr(h,21,12))",
        "CaseId" => $"CaseId || '-h{doubling}'",
        "Status" => "'Completed'",
        "CreatedAt" or "UpdatedAt" or "OpenedAt" or "ReceivedAt" or "StatusAsOf" or "QualificationAsOf" => $"{column} - {shift}",
        _ => column,
    };

    private sealed class SqliteFactory(string connectionString) : IDbContextFactory<EnkiDbContext>
    {
        public EnkiDbContext CreateDbContext() =>
            new SqliteEnkiDbContext(new DbContextOptionsBuilder<SqliteEnkiDbContext>().UseSqlite(connectionString).Options);
    }
}
