using Enki.Application;
using Enki.Application.Intake;
using Enki.Domain.Geography;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Nexsis.Intake;
using Enki.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Nexsis.Intake;

/// <summary>The connector's intake on a real SQLite file (or PostgreSQL database), without the web host.</summary>
internal sealed class IntakeHarness : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "enki-intake-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    /// <param name="realClock">Use the system clock: HTTP resilience waits on the registered clock, which a fake one never moves.</param>
    /// <param name="engine">Where the intake stores: a SQLite file (default) or a PostgreSQL database.</param>
    public IntakeHarness(FrenchGeography geography, Action<IServiceCollection>? configure = null, bool realClock = false,
        TestEngine engine = TestEngine.Sqlite)
    {
        Clock = new FakeTimeProvider(TestMessages.T0.AddMinutes(5));
        var services = new ServiceCollection();
        var options = new EnkiOptions { DataPath = _folder, Database = engine.Database() };
        services.AddLogging();
        services.AddSingleton(geography);
        services.AddSingleton<TimeProvider>(realClock ? TimeProvider.System : Clock);
        services.AddSingleton<IServer, NoServer>();
        services.AddSingleton<IBackgroundJobClient, RecordingJobClient>();
        services.AddEnkiPersistence(options, new DataFolder(_folder, options));
        services.AddEnkiNexsis(new ConfigurationBuilder().Build());
        services.AddEnkiEvents(new ConfigurationBuilder().Build());
        services.AddEnkiIntakeUseCases();
        services.AddSingleton(new IntakeHarnessPath(DatabasePath));
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public string DatabasePath => Path.Combine(_folder, "enki.db");

    public IServiceProvider Services => _services;

    public InboxWriter Inbox => _services.GetRequiredService<InboxWriter>();

    public IntakeProcessor Processor => _services.GetRequiredService<IntakeProcessor>();

    public RecordingJobClient Jobs => (RecordingJobClient)_services.GetRequiredService<IBackgroundJobClient>();

    public async Task InitializeAsync()
    {
        await MigratedDatabase.CopyToAsync(_folder); // the schema ready-made: the migration below only checks it
        await _services.MigrateEnkiDatabaseAsync();
        await DeliverEventsAsync(); // this node's screens start at the head, as on a node that just started
    }

    /// <summary>The stream's dispatcher, not started: tests hand the events over with <see cref="DeliverEventsAsync"/>.</summary>
    public EventDispatcher Dispatcher => _services.GetRequiredService<EventDispatcher>();

    /// <summary>Hands the committed events to their handlers (screens, acknowledgements…), as the dispatcher does after each commit.</summary>
    public Task DeliverEventsAsync() => Dispatcher.DrainAsync();

    /// <summary>The acknowledgements the stream says are owed, in sequence order.</summary>
    public Task<List<AcknowledgementOwed>> OwedAcknowledgementsAsync() =>
        QueryAsync(async db => (await db.Events.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync())
            .Select(EventCatalog.Read).Select(e => e!.Event).OfType<AcknowledgementOwed>().ToList());

    public Task<InboxReceipt> PushAsync(byte[] payload) => Inbox.StoreAsync(InboxChannel.Push, "test", "application/json", payload);

    /// <summary>Runs batches until nothing is pending (their events wait for <see cref="DeliverEventsAsync"/>).</summary>
    public async Task<List<IntakeOutcome>> DrainAsync()
    {
        var outcomes = new List<IntakeOutcome>();
        IntakeOutcome outcome;
        while ((outcome = await Processor.ProcessBatchAsync()).Total > 0)
        {
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    public async Task<T> QueryAsync<T>(Func<EnkiDbContext, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        TestEngines.ClearPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>No web server in these tests: relative NexSIS addresses resolve to nothing.</summary>
    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();
        public Task StartAsync<TContext>(Microsoft.AspNetCore.Hosting.Server.IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }
    }
}

/// <summary>Where the harness keeps its database, for tests that build their own contexts.</summary>
internal sealed record IntakeHarnessPath(string Path);

/// <summary>Records the jobs the connector enqueues instead of running them.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    public List<Job> Created { get; } = [];

    public string Create(Job job, IState state)
    {
        lock (Created) Created.Add(job);
        return Created.Count.ToString();
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
