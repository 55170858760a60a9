using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence.Sqlite;

/// <summary>The embedded default store; its migrations live beside it.</summary>
public sealed class SqliteEnkiDbContext(DbContextOptions<SqliteEnkiDbContext> options) : EnkiDbContext(options);
