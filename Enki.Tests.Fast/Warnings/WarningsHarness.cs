using Enki.Application;
using Enki.Application.Warnings;
using Enki.Domain.Access;
using Enki.Domain.Events;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Live;
using Enki.Infrastructure.Logbook;
using Enki.Infrastructure.Mobilisation;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Warnings;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Warnings;

/// <summary>
/// Warnings on a real migrated SQLite file: demo-shaped accounts (Chelles, Guichen, préfecture 77), the
/// stream's dispatcher drained on demand, a counting SMS-like channel next to the in-app one, and the
/// Hangfire scheduling recorded instead of run.
/// </summary>
internal sealed class WarningsHarness : IAsyncDisposable
{
    public static readonly Viewer MaireChelles = new("chelles-id", "Maire de Chelles", Profile.Mayor, WarningSamples.Chelles);
    public static readonly Viewer AdjointChelles = new("chelles-adjoint", "Adjointe de Chelles", Profile.Mayor, WarningSamples.Chelles);
    public static readonly Viewer MaireGuichen = new("guichen-id", "Maire de Guichen", Profile.Mayor, WarningSamples.Guichen);
    public static readonly Viewer Prefecture77 = new("pref77-id", "Préfecture 77", Profile.Prefecture, Jurisdiction.Department("77"));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "enki-warnings-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly IDisposable _feed;

    /// <param name="configure">Added after the harness's own services (real channels, another pager…): the last channel registered wins.</param>
    public WarningsHarness(Action<IServiceCollection, EnkiOptions>? configure = null)
    {
        var services = new ServiceCollection();
        var options = new EnkiOptions { DataPath = _folder, Database = TestEngine.Sqlite.Database() };
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ITerritoryDirectory>(WarningSamples.Territories);
        var dataFolder = new DataFolder(_folder, options);
        services.AddSingleton(dataFolder);
        services.AddEnkiPersistence(options, dataFolder);
        services.AddSingleton<IIncidentChangeFeed, InProcessIncidentChangeFeed>();
        services.AddSingleton<ILogbookFeed, InProcessLogbookFeed>();
        services.AddEnkiMobilisation();
        services.AddEnkiWarnings();
        services.AddSingleton<IWarningChannel>(Pager);
        services.AddEnkiWarningUseCases();
        services.AddSingleton<IEscalationScheduler>(Scheduled);
        services.AddEnkiEvents(new ConfigurationBuilder().Build());
        configure?.Invoke(services, options);
        _services = services.BuildServiceProvider();
        _feed = _services.GetRequiredService<IWarningFeed>().Subscribe(change =>
        {
            lock (Changes) Changes.Add(change);
            return ValueTask.CompletedTask;
        });
    }

    public FakeTimeProvider Clock { get; } = new(WarningSamples.Now);

    public CountingChannel Pager { get; } = new();

    public RecordingScheduler Scheduled { get; } = new();

    public List<WarningChange> Changes { get; } = [];

    public WarningCommands Commands => _services.GetRequiredService<WarningCommands>();

    public WarningQueries Queries => _services.GetRequiredService<WarningQueries>();

    public WarningEscalationJob EscalationJob => _services.GetRequiredService<WarningEscalationJob>();

    public IDbContextFactory<EnkiDbContext> DbFactory => _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A relay as a restarted node builds it: nothing of the previous one's memory.</summary>
    public WarningDeliveryRelay NewRelay() => ActivatorUtilities.CreateInstance<WarningDeliveryRelay>(_services);

    public Task DeliverAsync() => _services.GetRequiredService<EventDispatcher>().DrainAsync();

    /// <summary>As after a crash that lost every handler's saved position: the whole stream handed again.</summary>
    public async Task RedeliverEverythingAsync()
    {
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            await db.EventHandlerPositions.ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, 0L));
        }
        await ActivatorUtilities.CreateInstance<EventDispatcher>(_services).DrainAsync();
    }

    /// <summary>Commits an event as the intake would, with nothing else.</summary>
    public async Task RecordAsync(DomainEvent happened)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        db.Record(happened);
        await db.SaveChangesAsync();
    }

    public Task RecordUrgenceAbsolueInChellesAsync() =>
        RecordAsync(WarningSamples.VictimsChanged(IncidentVictims.None, WarningSamples.Victims(red: 1)) with { OccurredAt = Clock.GetUtcNow() });

    public async Task<List<Warning>> WarningsAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Warnings.AsNoTracking().Include(w => w.Deliveries).OrderBy(w => w.RaisedAt).ToListAsync();
    }

    public async Task<WarningsHarness> InitializeAsync()
    {
        await MigratedDatabase.CopyToAsync(_folder);
        await _services.MigrateEnkiDatabaseAsync();
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            foreach (var viewer in new[] { MaireChelles, AdjointChelles, MaireGuichen, Prefecture77 })
            {
                var user = new EnkiUser
                {
                    Id = viewer.Id, UserName = viewer.Id, Email = $"{viewer.Id}@test.invalid", DisplayName = viewer.Name, PhoneNumber = PhoneOf(viewer),
                };
                user.Grant(viewer.Profile!.Value, viewer.Jurisdiction, WarningSamples.Territories);
                db.Users.Add(user);
            }
            await db.SaveChangesAsync();
        }
        foreach (var viewer in new[] { MaireChelles, MaireGuichen, Prefecture77 })
        {
            await Commands.EnsureDefaultRulesAsync(WarningOwner.OrganisationOf(viewer));
        }
        await Commands.SetEscalationListAsync(new EscalationList(WarningSamples.MairieChelles.Code,
            [new EscalationStep(WarningOwnerKind.Organisation, WarningSamples.Prefecture77.Code, "Préfecture 77 — permanence")]));
        await DeliverAsync();
        return this;
    }

    /// <summary>A number of the range kept for fiction (06 39 98 …), one per account.</summary>
    public static string PhoneOf(Viewer viewer) => viewer.Id switch
    {
        "chelles-id" => "+33639980001",
        "chelles-adjoint" => "+33639980002",
        "guichen-id" => "+33639980003",
        _ => "+33639980004",
    };

    public async ValueTask DisposeAsync()
    {
        _feed.Dispose();
        await _services.DisposeAsync();
        TestEngines.ClearPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>An interrupting channel (SMS-like) that counts what it was handed, per delivery.</summary>
internal sealed class CountingChannel : IWarningChannel
{
    public List<WarningMessage> Sent { get; } = [];

    public WarningChannel Channel => WarningChannel.Sms;

    public bool Interrupts => true;

    public Task SendAsync(WarningMessage message, CancellationToken cancellationToken)
    {
        lock (Sent) Sent.Add(message);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingScheduler : IEscalationScheduler
{
    public List<(Guid WarningId, DateTimeOffset Due)> Jobs { get; } = [];

    public void Schedule(Guid warningId, DateTimeOffset due) => Jobs.Add((warningId, due));
}
