using Enki.Infrastructure.Events;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enki.Tests.Events;

/// <summary>The bare store on a real migrated SQLite file, with the system clock, to watch the event stream itself.</summary>
internal sealed class EventStore : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "enki-events-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    /// <param name="configure">Adds services, e.g. a <see cref="Support.FailingWrite"/>.</param>
    /// <param name="engine">Where it stores: a SQLite file (default) or a PostgreSQL database.</param>
    public EventStore(Action<IServiceCollection>? configure = null, TestEngine engine = TestEngine.Sqlite)
    {
        var services = new ServiceCollection();
        var options = new EnkiOptions { DataPath = _folder, Database = engine.Database() };
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddEnkiPersistence(options, new DataFolder(_folder, options));
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public IDbContextFactory<EnkiDbContext> DbFactory => _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();

    public EventStreamReader Reader => new(DbFactory, TimeProvider.System, NullLogger<EventStreamReader>.Instance);

    public async Task<EventStore> InitializeAsync()
    {
        await MigratedDatabase.CopyToAsync(_folder); // the schema ready-made: the migration below only checks it
        await _services.MigrateEnkiDatabaseAsync();
        return this;
    }

    public async Task<T> QueryAsync<T>(Func<EnkiDbContext, Task<T>> query)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Every stored row, in sequence order.</summary>
    public Task<List<StoredEvent>> RowsAsync() => QueryAsync(db => db.Events.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    public Task<long> HeadAsync() => Reader.HeadAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        TestEngines.ClearPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } // best effort
    }
}
