using Enki.Application;
using Enki.Application.Intake;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Enki.Domain.Geography;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Nexsis.Intake;
using Enki.Simulator;
using Enki.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Benchmarks.Nexsis;

/// <summary>
/// The ingest path, inbox → incidents in a SQLite file: a storm's worth of simulated NexSIS traffic
/// (createCase, resources, EMSI, a few malformed) stored as pending, then drained by the intake.
/// Times are per message (OperationsPerInvoke), so messages per second = 1 s / Mean.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class IngestBenchmark
{
    private const int MessageCount = 20_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "enki-ingest-bench");
    private List<byte[]> _payloads = null!;
    private FrenchGeography _geography = null!;
    private ServiceProvider _services = null!;
    private IntakeProcessor _processor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _geography = FrenchGeographyLoader.Load();
        var storm = SimulatedStorm.Generate(_geography, MessageCount, seed: 7);
        _payloads = storm.Select(e => e.Utf8Payload).ToList();
        Console.WriteLine($"// {_payloads.Count} simulated messages, {storm.Count(e => e.Kind == SimulatedMessageKind.Malformed)} malformed");
    }

    [IterationSetup]
    public void FillInbox()
    {
        _services?.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        _services = Services(_folder, _geography);
        _services.MigrateEnkiDatabaseAsync().GetAwaiter().GetResult();
        using var db = _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        db.NexsisInbox.AddRange(_payloads.Select(p => new InboxMessage
        {
            ReceivedAt = now, Channel = InboxChannel.Pull, Payload = p, State = InboxState.Pending,
            PayloadHash = Convert.ToHexString(SHA256.HashData(p)),
        }));
        db.SaveChanges();
        _processor = _services.GetRequiredService<IntakeProcessor>();
    }

    [Benchmark(OperationsPerInvoke = MessageCount)]
    public async Task<int> IngestPerMessage()
    {
        var total = 0;
        IntakeOutcome outcome;
        while ((outcome = await _processor.ProcessBatchAsync()).Total > 0)
        {
            total += outcome.Total;
        }
        return total;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static ServiceProvider Services(string folder, FrenchGeography geography)
    {
        var services = new ServiceCollection();
        var options = new EnkiOptions { DataPath = folder };
        services.AddSingleton(geography);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IServer, NoServer>();
        services.AddSingleton<IBackgroundJobClient, NoJobs>();
        services.AddLogging();
        services.AddEnkiPersistence(options, new DataFolder(folder, options));
        services.AddEnkiNexsis(new ConfigurationBuilder().Build());
        services.AddEnkiIntakeUseCases();
        return services.BuildServiceProvider();
    }

    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();
        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }
    }

    private sealed class NoJobs : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => "0";
        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
