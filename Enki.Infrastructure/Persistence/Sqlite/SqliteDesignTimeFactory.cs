using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Enki.Infrastructure.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEnkiDbContext>
{
    public SqliteEnkiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEnkiDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
