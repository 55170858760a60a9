using Enki.Infrastructure.Events;
using Enki.Infrastructure.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Enki.Tests.Nexsis.Acknowledgements;

/// <summary>The SQLite file of an Enki process, read directly, as an operator would after a crash.</summary>
internal sealed class ProcessDatabase(string dataPath)
{
    public const string AcknowledgementHandler = "nexsis-acquittements";

    public async Task<T> QueryAsync<T>(Func<SqliteEnkiDbContext, Task<T>> query)
    {
        await using var db = new SqliteEnkiDbContext(new DbContextOptionsBuilder<SqliteEnkiDbContext>()
            .UseSqlite($"Data Source={Path.Combine(dataPath, "enki.db")}").Options);
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
}
