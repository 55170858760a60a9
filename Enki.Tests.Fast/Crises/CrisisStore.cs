using Enki.Application;
using Enki.Application.Crises;
using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Domain.Crises;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Logbook;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Nexsis.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Crises;

/// <summary>Crises, their main courante and incidents in a real migrated SQLite file, through the real services.</summary>
/// <param name="configure">Adds or replaces services, e.g. a <see cref="Support.FailingWrite"/>.</param>
internal sealed class CrisisStore(FrenchGeography geography, Action<IServiceCollection>? configure = null) : IAsyncDisposable
{
    private readonly IntakeHarness _harness = new(geography, services =>
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ITerritoryDirectory>(new GeographyTerritoryDirectory(geography));
        services.AddSingleton<IAuditTrail, EfAuditTrail>();
        services.AddEnkiCrises();
        services.AddEnkiCrisisUseCases();
        configure?.Invoke(services);
    });

    public IServiceProvider Services => _harness.Services;

    /// <summary>The NexSIS intake under the store, to build a history from real messages.</summary>
    public IntakeHarness Intake => _harness;

    public CrisisCommands Commands => Services.GetRequiredService<CrisisCommands>();

    public CrisisQueries Queries => Services.GetRequiredService<CrisisQueries>();

    public LogbookQueries Logbook => Services.GetRequiredService<LogbookQueries>();

    public ILogbook Writer => Services.GetRequiredService<ILogbook>();

    public DateTimeOffset Now => _harness.Clock.GetUtcNow();

    /// <summary>Hands the committed events to the screens, as the dispatcher does after each commit.</summary>
    public Task DeliverAsync() => _harness.DeliverEventsAsync();

    /// <summary>Entries written in the same instant have no order between them: tests move the clock between writes.</summary>
    public void Tick() => _harness.Clock.Advance(TimeSpan.FromSeconds(1));

    public void Advance(TimeSpan by) => _harness.Clock.Advance(by);

    public IDbContextFactory<EnkiDbContext> DbFactory => Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();

    public async Task<CrisisStore> InitializeAsync()
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

    public Task<Crisis> OpenAsync(Viewer creator, CrisisType type, params string[] territories) =>
        Commands.OpenAsync(creator, new CrisisDraft($"Crise {type.French()}", type, null,
            territories.Select(Jurisdiction.Parse).ToList(), TestMessages.T0.AddHours(-1), false));

    public ValueTask DisposeAsync() => _harness.DisposeAsync();
}
