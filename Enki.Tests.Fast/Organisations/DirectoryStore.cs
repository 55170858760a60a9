using Enki.Application;
using Enki.Application.Directory;
using Enki.Domain.Access;
using Enki.Domain.Directory;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Organisations;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Organisations;

/// <summary>The directory on a real migrated SQLite file, with the test geography; its audit rows are read back from the file.</summary>
internal sealed class DirectoryStore : IAsyncDisposable
{
    public static readonly Viewer Admin = new("admin", "Administrateur", Profile.Administrator, Jurisdiction.National);
    public static readonly Viewer Prefecture77 = new("prefecture77", "Préfecture 77", Profile.Prefecture, Jurisdiction.Department("77"));
    public static readonly Viewer Sdis77 = new("sdis77", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
    public static readonly Viewer MayorOfChelles = new("maire-chelles", "Maire de Chelles", Profile.Mayor, Jurisdiction.Commune("77108"));
    public static readonly Viewer MayorOfGuichen = new("maire-guichen", "Maire de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"));
    public static readonly Viewer CozParis = new("coz-paris", "COZ Paris", Profile.Coz, Jurisdiction.Zone("PARIS"));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "enki-directory-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    /// <param name="configure">Adds or replaces services, e.g. a <see cref="FailingWrite"/>.</param>
    public DirectoryStore(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        var options = new EnkiOptions { DataPath = _folder };
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ITerritoryDirectory, TestTerritoryDirectory>();
        services.AddEnkiPersistence(options, new DataFolder(_folder, options));
        services.AddEnkiDirectory();
        services.AddEnkiDirectoryUseCases();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public ITerritoryDirectory Territories => _services.GetRequiredService<ITerritoryDirectory>();

    public OrganisationQueries Queries => _services.GetRequiredService<OrganisationQueries>();

    public OrganisationCommands Commands => _services.CreateScope().ServiceProvider.GetRequiredService<OrganisationCommands>();

    public DirectoryCsvImport Import => _services.CreateScope().ServiceProvider.GetRequiredService<DirectoryCsvImport>();

    public async Task<DirectoryStore> InitializeAsync()
    {
        await MigratedDatabase.CopyToAsync(_folder); // the schema ready-made: the migration below only checks it
        await _services.MigrateEnkiDatabaseAsync();
        return this;
    }

    /// <summary>The audit rows written so far, oldest first.</summary>
    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<Organisation> AddAsync(string name, OrganisationKind kind, Jurisdiction territory, params string[] contactNames)
    {
        var organisation = Organisation.Create(Guid.NewGuid(),
            new OrganisationDetails(name, kind, territory, "01 99 00 00 01", null, null), Territories, DateTimeOffset.UtcNow);
        foreach (var contact in contactNames)
        {
            organisation.AddContact(new ContactDetails(contact, "Astreinte", ["06 39 98 00 01"], null, null), DateTimeOffset.UtcNow);
        }
        await using var db = await _services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } // best effort
    }
}
