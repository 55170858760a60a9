using Enki.Infrastructure.Events;
using Enki.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Enki.Tests.Nexsis.Acknowledgements;

/// <summary>
/// The data folder of Enki processes a test starts in turn, and their SQLite file read directly, as an
/// operator would after a crash. Disposed, the folder is deleted.
/// </summary>
internal sealed class ProcessDatabase : IDisposable
{
    public const string AcknowledgementHandler = "nexsis-acquittements";

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "enki-process-" + Guid.NewGuid().ToString("N"));

    public async Task<T> QueryAsync<T>(Func<SqliteEnkiDbContext, Task<T>> query)
    {
        await using var db = new SqliteEnkiDbContext(new DbContextOptionsBuilder<SqliteEnkiDbContext>()
            .UseSqlite($"Data Source={Path.Combine(DataPath, "enki.db")}").Options);
        return await query(db);
    }

    /// <summary>Acknowledgements recorded as owed in the stream, resends included.</summary>
    public Task<int> OwedAsync() => QueryAsync(db => db.Events.CountAsync(e => e.Type == "nexsis.acknowledgement-owed"));

    public Task<long> HeadAsync() => QueryAsync(db => db.Set<EventStreamHead>().Select(h => h.LastSequence).SingleAsync());

    /// <summary>Where a durable handler stands; 0 before it confirmed anything.</summary>
    public Task<long> PositionAsync(string handler) =>
        QueryAsync(async db => await db.EventHandlerPositions.Where(p => p.Handler == handler).Select(p => (long?)p.Position).SingleOrDefaultAsync() ?? 0);

    /// <summary>Every durable handler that stored a position is at the stream's head, the acknowledgements' among them.</summary>
    public async Task<bool> DurableHandlersAtHeadAsync()
    {
        var head = await HeadAsync();
        var positions = await QueryAsync(db => db.EventHandlerPositions.ToListAsync());
        return positions.Any(p => p.Handler == AcknowledgementHandler) && positions.All(p => p.Position == head);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}
