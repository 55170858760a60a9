using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Incidents;

/// <summary>A real migrated SQLite file with incidents stored in it, and the queries over it.</summary>
internal sealed class IncidentStore(FrenchGeography geography, TestEngine engine = TestEngine.Sqlite) : IAsyncDisposable
{
    public static readonly Viewer MayorOfChelles = new("maire-chelles", "Maire de Chelles", Profile.Mayor, Jurisdiction.Commune("77108"));
    public static readonly Viewer Sdis77 = new("sdis77", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
    public static readonly Viewer Prefecture77 = new("prefecture77", "Préfecture 77", Profile.Prefecture, Jurisdiction.Department("77"));
    public static readonly Viewer National = new("cogic", "COGIC", Profile.Cogic, Jurisdiction.National);

    private readonly IntakeHarness _harness = new(geography, engine: engine);

    public IDbContextFactory<EnkiDbContext> DbFactory => _harness.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();

    public IncidentQueries Queries => new(DbFactory);

    public async Task<IncidentStore> InitializeAsync()
    {
        await _harness.InitializeAsync();
        return this;
    }

    public async Task AddAsync(params Incident[] incidents)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        db.Incidents.AddRange(incidents);
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
