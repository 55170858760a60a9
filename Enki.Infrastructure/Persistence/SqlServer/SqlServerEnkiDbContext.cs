using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence.SqlServer;

/// <summary>The production store; its migrations live beside it.</summary>
public sealed class SqlServerEnkiDbContext(DbContextOptions<SqlServerEnkiDbContext> options) : EnkiDbContext(options);
