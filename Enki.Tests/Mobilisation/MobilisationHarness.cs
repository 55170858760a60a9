using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Domain.Logbook;
using Enki.Domain.Mobilisation;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Mail;
using Enki.Infrastructure.Mobilisation;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Mobilisation;

/// <summary>Mobilisation services on a real migrated SQLite file, with recording fakes for audit, logbook, mail and feed.</summary>
internal sealed class MobilisationHarness : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "enki-mobilisation-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly IDisposable _feedSubscription;

    public MobilisationHarness()
    {
        var services = new ServiceCollection();
        var options = new EnkiOptions { DataPath = _folder };
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ITerritoryDirectory>(MobilisationSamples.Territories);
        services.AddEnkiPersistence(options, new DataFolder(_folder, options));
        services.AddSingleton<IAuditTrail>(Audit);
        services.AddSingleton<ILogbook>(Logbook);
        services.AddSingleton<IMailSender>(Mail);
        services.AddEnkiMobilisation();
        _services = services.BuildServiceProvider();
        _feedSubscription = _services.GetRequiredService<IMobilisationFeed>().Subscribe(change =>
        {
            lock (Changes) Changes.Add(change);
            return ValueTask.CompletedTask;
        });
    }

    public FakeTimeProvider Clock { get; } = new(MobilisationSamples.Now);

    public RecordingAudit Audit { get; } = new();

    public RecordingLogbook Logbook { get; } = new();

    public RecordingMail Mail { get; } = new();

    public List<MobilisationChange> Changes { get; } = [];

    public MobilisationCommands Commands => _services.GetRequiredService<MobilisationCommands>();

    public MobilisationQueries Queries => _services.GetRequiredService<MobilisationQueries>();

    public OverdueMobilisationJob OverdueJob => _services.GetRequiredService<OverdueMobilisationJob>();

    public IDbContextFactory<EnkiDbContext> DbFactory => _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>();

    public async Task<MobilisationHarness> InitializeAsync()
    {
        await _services.MigrateEnkiDatabaseAsync();
        await using var db = await DbFactory.CreateDbContextAsync();
        foreach (var viewer in new[] { MobilisationSamples.Sdis77, MobilisationSamples.MaireChelles, MobilisationSamples.MaireGuichen })
        {
            var user = new EnkiUser { Id = viewer.Id, UserName = viewer.Id, Email = $"{viewer.Id}@test.invalid", DisplayName = viewer.Name, Organisation = viewer.Name };
            user.Grant(viewer.Profile!.Value, viewer.Jurisdiction, MobilisationSamples.Territories);
            db.Users.Add(user);
        }
        await db.SaveChangesAsync();
        return this;
    }

    /// <summary>A crisis over Chelles piloted by the CODIS, so its requests may be linked to it.</summary>
    public async Task<Guid> OpenCrisisAsync()
    {
        var crisis = Enki.Domain.Crises.Crisis.Open(MobilisationSamples.Sdis77, "Crue de la Marne", Enki.Domain.Crises.CrisisType.Inondation, null,
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
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

internal sealed class RecordingAudit : IAuditTrail
{
    public List<(string Action, string? Target, string? Actor)> Entries { get; } = [];

    public Task RecordAsync(string action, string? target, string? detail = null, ILocatedInTerritory? territory = null,
        Viewer? actor = null, string? actorName = null, CancellationToken cancellationToken = default)
    {
        lock (Entries) Entries.Add((action, target, actorName ?? actor?.Name));
        return Task.CompletedTask;
    }
}

internal sealed class RecordingLogbook : ILogbook
{
    public List<(Guid Crisis, string Author, LogbookEntryKind Kind, string Text)> Entries { get; } = [];

    public Task<Guid> AppendAsync(Guid crisisId, Viewer author, LogbookEntryKind kind, string text,
        IReadOnlyList<string>? tags = null, Guid? corrects = null, CancellationToken cancellationToken = default)
    {
        lock (Entries) Entries.Add((crisisId, author.Name, kind, text));
        return Task.FromResult(Guid.NewGuid());
    }

    public Task<Guid> RecordAsync(Guid crisisId, Viewer actor, LogbookEntryKind kind, string text,
        IReadOnlyList<string>? tags = null, CancellationToken cancellationToken = default) =>
        AppendAsync(crisisId, actor, kind, text, tags, cancellationToken: cancellationToken);
}

internal sealed class RecordingMail : IMailSender
{
    public List<OutboxMessage> Sent { get; } = [];

    public Task<OutboxMessage> SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken = default)
    {
        var message = new OutboxMessage { Id = Guid.NewGuid(), Recipient = recipient, Subject = subject, Body = body };
        lock (Sent) Sent.Add(message);
        return Task.FromResult(message);
    }
}
