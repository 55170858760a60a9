using Enki.Application;
using Enki.Application.Vigilance;
using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Domain.Vigilance;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Vigilance;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enki.Tests.Vigilance;

/// <summary>The vigilance job, intake and queries on a real migrated SQLite file and the real geography, reading a <see cref="VigilanceSourceStub"/>.</summary>
internal sealed class VigilanceHarness : IAsyncDisposable
{
    public static readonly Viewer MaireChelles = new("chelles-id", "Maire de Chelles", Profile.Mayor, Jurisdiction.Commune("77108"));
    public static readonly Viewer MaireGuichen = new("guichen-id", "Maire de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"));
    public static readonly Viewer Prefecture77 = new("pref77-id", "Préfecture 77", Profile.Prefecture, Jurisdiction.Department("77"));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "enki-vigilance-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public VigilanceHarness(VigilanceSourceStub source)
    {
        var options = new EnkiOptions { DataPath = _folder, Database = TestEngine.Sqlite.Database() };
        options.Vigilance.MeteoFrance.Url = source.MeteoFranceUrl.ToString();
        options.Vigilance.MeteoFrance.ApiKey = "cle-de-test";
        options.Vigilance.Vigicrues.Url = source.VigicruesUrl.ToString();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddEnkiGeography();
        services.AddSingleton<ITerritoryDirectory, GeographyTerritoryDirectory>();
        services.AddEnkiPersistence(options, new DataFolder(_folder, options));
        services.AddEnkiVigilance();
        services.AddEnkiVigilanceUseCases();
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero));

    public VigilanceJob Job => _services.GetRequiredService<VigilanceJob>();

    public VigilanceQueries Queries => _services.GetRequiredService<VigilanceQueries>();

    public async Task<VigilanceHarness> InitializeAsync()
    {
        await MigratedDatabase.CopyToAsync(_folder);
        await _services.MigrateEnkiDatabaseAsync();
        return this;
    }

    public async Task<List<AreaVigilance>> StoredAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await db.Vigilances.AsNoTracking().OrderBy(v => v.Key).ToListAsync();
    }

    /// <summary>The stream's vigilance events, in order.</summary>
    public async Task<List<string>> ChangesAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        var rows = await db.Events.AsNoTracking().Where(e => e.Type == "vigilance.changed").OrderBy(e => e.Sequence).ToListAsync();
        return rows.Select(r => Enki.Infrastructure.Events.EventCatalog.Read(r)!.Event).Cast<VigilanceChanged>()
            .Select(c => $"{c.Vigilance.Words}, avant {c.Previous.French()}").ToList();
    }

    public async Task<List<QuarantinedVigilanceDocument>> QuarantineAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await db.VigilanceQuarantine.AsNoTracking().ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        TestEngines.ClearPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
