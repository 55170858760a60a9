using Enki.Domain.Events;
using Enki.Infrastructure.Events;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Nexsis.Acknowledgements;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Events;

/// <summary>
/// Several nodes over one database: a durable handler (mail, acknowledgements) is delivered by one
/// node at a time, and when that node dies another takes over from the saved position (issue 15).
/// </summary>
public sealed class HandlerLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [SkippableTheory]
    [InlineData(TestEngine.Sqlite)]
    [InlineData(TestEngine.PostgreSql)]
    public async Task One_node_delivers_a_durable_handler_and_another_takes_over_once_its_lease_lapses(TestEngine engine)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var database = engine.Database();
        var folder = Directory.CreateTempSubdirectory("enki-lease-").FullName;
        if (engine == TestEngine.Sqlite) database.ConnectionString = $"Data Source={Path.Combine(folder, "enki.db")}";
        await using var a = await Node.StartAsync("noeud-a", database, folder, clock);
        await using var b = await Node.StartAsync("noeud-b", database, folder, clock);
        try
        {
            await a.CommitAsync(10);
            await a.Dispatcher.DrainAsync();
            await b.Dispatcher.DrainAsync();
            Assert.Equal(10, a.Handled.Count);
            Assert.Empty(b.Handled);

            await b.CommitAsync(5); // committed on B, still delivered by A, the holder
            await b.Dispatcher.DrainAsync();
            await a.Dispatcher.DrainAsync();
            Assert.Equal(15, a.Handled.Count);
            Assert.Empty(b.Handled);

            // A dies: it renews nothing; once its lease lapses, B delivers what followed, and only that.
            clock.Advance(Lease + TimeSpan.FromSeconds(1));
            await b.CommitAsync(3);
            await b.Dispatcher.DrainAsync();
            Assert.Equal(3, b.Handled.Count);
            Assert.Equal(a.Handled.Concat(b.Handled).Distinct().Count(), a.Handled.Count + b.Handled.Count);

            // B stops gracefully: it lets its lease go, and a new node takes over at once.
            await b.Dispatcher.StopAsync(CancellationToken.None);
            await using var c = await Node.StartAsync("noeud-c", database, folder, clock);
            await c.CommitAsync(2);
            await c.Dispatcher.DrainAsync();
            Assert.Equal(2, c.Handled.Count);
            Assert.Equal(20, a.Handled.Concat(b.Handled).Concat(c.Handled).Distinct().Count());
        }
        finally
        {
            TestEngines.ClearPools();
        }
    }

    private sealed class Node : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        private Node(ServiceProvider services, List<long> handled) => (_services, Handled) = (services, handled);

        public List<long> Handled { get; }

        public EventDispatcher Dispatcher => _services.GetRequiredService<EventDispatcher>();

        public static async Task<Node> StartAsync(string name, DatabaseOptions database, string folder, TimeProvider clock)
        {
            var options = new EnkiOptions { DataPath = folder, Database = database };
            var handled = new List<long>();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(clock);
            services.AddEnkiPersistence(options, new DataFolder(folder, options));
            services.AddEnkiEvents(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Enki:Events:Node"] = name,
                ["Enki:Events:LeaseDuration"] = Lease.ToString(),
            }).Build());
            services.AddSingleton<IEventHandler>(new RecordingHandler(handled));
            var node = new Node(services.BuildServiceProvider(), handled);
            await node._services.MigrateEnkiDatabaseAsync();
            return node;
        }

        public async Task CommitAsync(int count)
        {
            await using var db = await _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
            for (var i = 0; i < count; i++) db.Record(new AcknowledgementOwed(Guid.NewGuid().ToString(), "fr.fire.sis077", false, false, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }

    private sealed class RecordingHandler(List<long> handled) : IEventHandler
    {
        public string Name => "essai-durable";

        public HandlerScope Scope => HandlerScope.Durable;

        public bool Handles(DomainEvent happened) => true;

        public Task HandleAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
        {
            handled.AddRange(events.Select(e => e.Sequence));
            return Task.CompletedTask;
        }
    }
}
