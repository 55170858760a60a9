using Enki.Application;
using Enki.Application.Mobilisation;
using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Live;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Mobilisation;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Mobilisation;

/// <summary>
/// Mobilisation services on a real migrated SQLite file: audit rows and main-courante entries in the
/// store, the event stream's dispatcher drained on demand (<see cref="DeliverAsync"/>) to a recording
/// mail sender and the live feed.
/// </summary>
internal sealed class MobilisationHarness : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "enki-mobilisation-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly IDisposable _feedSubscription;

    /// <param name="configure">Adds or replaces services, e.g. a <see cref="FailingWrite"/>.</param>
    /// <param name="engine">Where it stores: a SQLite file (default) or a PostgreSQL database.</param>
    public MobilisationHarness(Action<IServiceCollection>? configure = null, TestEngine engine = TestEngine.Sqlite)
    {
        var services = new ServiceCollection();
        var options = new EnkiOptions { DataPath = _folder, Database = engine.Database() };
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ITerritoryDirectory>(MobilisationSamples.Territories);
        services.AddEnkiPersistence(options, new DataFolder(_folder, options));
        services.AddSingleton<IMailSender>(Mail);
        services.AddSingleton<IIncidentChangeFeed, InProcessIncidentChangeFeed>();
        services.AddSingleton<ILogbookFeed, InProcessLogbookFeed>();
        services.AddEnkiMobilisation();
        services.AddEnkiMobilisationUseCases();
        services.AddEnkiEvents(new ConfigurationBuilder().Build());
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        _feedSubscription = _services.GetRequiredService<IMobilisationFeed>().Subscribe(change =>
        {
            lock (Changes) Changes.Add(change);
            return ValueTask.CompletedTask;
        });
    }

    public FakeTimeProvider Clock { get; } = new(MobilisationSamples.Now);

    public RecordingMail Mail { get; } = new();

    public List<MobilisationChange> Changes { get; } = [];

    public MobilisationCommands Commands => _services.GetRequiredService<MobilisationCommands>();

    public MobilisationQueries Queries => _services.GetRequiredService<MobilisationQueries>();

    public OverdueMobilisationJob OverdueJob => _services.GetRequiredService<OverdueMobilisationJob>();

    public IDbContextFactory<EnkiDbContext> DbFactory => _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();

    /// <summary>Hands the committed events to their handlers (mail, screens), as the dispatcher does after each commit.</summary>
    public Task DeliverAsync() => _services.GetRequiredService<EventDispatcher>().DrainAsync();

    /// <summary>
    /// As after a crash that lost every handler's saved position: a new dispatcher hands the durable
    /// handlers the whole stream again (this node's screens start at the head, as on a restart).
    /// </summary>
    public async Task RedeliverEverythingAsync()
    {
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            await db.EventHandlerPositions.ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, 0L));
        }
        await ActivatorUtilities.CreateInstance<EventDispatcher>(_services).DrainAsync();
    }

    public async Task<List<string>> AuditActionsAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    public async Task<List<LogbookEntry>> LogbookEntriesAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return (await db.LogbookEntries.ToListAsync()).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
    }

    public async Task<MobilisationHarness> InitializeAsync()
    {
        await MigratedDatabase.CopyToAsync(_folder); // the schema ready-made: the migration below only checks it
        await _services.MigrateEnkiDatabaseAsync();
        await using var db = await DbFactory.CreateDbContextAsync();
        foreach (var viewer in new[] { MobilisationSamples.Sdis77, MobilisationSamples.MaireChelles, MobilisationSamples.MaireGuichen })
        {
            var user = new EnkiUser { Id = viewer.Id, UserName = viewer.Id, Email = $"{viewer.Id}@test.invalid", DisplayName = viewer.Name, Organisation = viewer.Name };
            user.Grant(viewer.Profile!.Value, viewer.Jurisdiction, MobilisationSamples.Territories);
            db.Users.Add(user);
        }
        await db.SaveChangesAsync();
        await DeliverAsync(); // the screens start at the head, as on a node that just started
        return this;
    }

    /// <summary>A crisis over Chelles piloted by the CODIS, so its requests may be linked to it.</summary>
    public async Task<Guid> OpenCrisisAsync()
    {
        var crisis = Enki.Domain.Crises.Crisis.Open(MobilisationSamples.Sdis77, "Crue de la Marne", Enki.Domain.Crises.CrisisType.Flood, null,
            [Jurisdiction.Commune("77108")], Clock.GetUtcNow().AddHours(-1), false, MobilisationSamples.Territories, Clock.GetUtcNow());
        await using var db = await DbFactory.CreateDbContextAsync();
        db.Crises.Add(crisis);
        await db.SaveChangesAsync();
        return crisis.Id;
    }

    public async Task<MobilisationRequest> IssueAsync(MobilisationDraft? draft = null)
    {
        var outcome = await Commands.IssueAsync(MobilisationSamples.Sdis77, draft ?? MobilisationSamples.Draft());
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Request!;
    }

    public async ValueTask DisposeAsync()
    {
        _feedSubscription.Dispose();
        await _services.DisposeAsync();
        TestEngines.ClearPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

internal sealed class RecordingMail : IMailSender
{
    public List<OutboxMessage> Sent { get; } = [];

    private readonly HashSet<string> _keys = [];

    /// <summary>Like the outbox: a message whose key was already sent is not sent again.</summary>
    public Task<OutboxMessage> SendAsync(string recipient, string subject, string body, string? deliveryKey, CancellationToken cancellationToken = default)
    {
        var message = new OutboxMessage { Id = Guid.NewGuid(), Recipient = recipient, Subject = subject, Body = body, DeliveryKey = deliveryKey };
        lock (Sent)
        {
            if (deliveryKey is null || _keys.Add(deliveryKey)) Sent.Add(message);
        }
        return Task.FromResult(message);
    }
}
