using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Support;

/// <summary>
/// One SQLite file migrated once per test run. Hosts and harnesses copy it into their data folder before
/// they start: the app's own migration step then finds every migration applied and does nothing, instead
/// of creating the whole schema again for each test.
/// </summary>
public static class MigratedDatabase
{
    /// <summary>The file name the app uses in its data folder when no connection string is given.</summary>
    public const string FileName = "enki.db";

    private static readonly Lazy<Task<string>> Template = new(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Puts a copy of the migrated template in <paramref name="folder"/> (created if needed) under the app's file name.</summary>
    public static async Task CopyToAsync(string folder)
    {
        var template = await Template.Value;
        Directory.CreateDirectory(folder);
        File.Copy(template, Path.Combine(folder, FileName), overwrite: false);
    }

    /// <summary>Synchronous <see cref="CopyToAsync"/>, for code that starts a host synchronously.</summary>
    public static void CopyTo(string folder) => CopyToAsync(folder).GetAwaiter().GetResult();

    private static async Task<string> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "enki-tests", "template-" + Guid.NewGuid().ToString("N"));
        var options = new EnkiOptions { DataPath = folder };
        // Unpooled: the file is closed once migrated, without clearing the pools of tests running meanwhile.
        options.Database.ConnectionString = $"Data Source={Path.Combine(folder, FileName)};Pooling=False";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddEnkiPersistence(options, new DataFolder(folder, options));
        await using (var provider = services.BuildServiceProvider())
        {
            // The app's own migration step, so the copy is exactly what a first start leaves behind.
            await provider.MigrateEnkiDatabaseAsync();
            await using var db = await provider.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
            // Everything into the main file: a copy of the file alone must hold the whole schema.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        return Path.Combine(folder, FileName);
    }
}
