using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Enki.Infrastructure.Persistence.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQL Server model; no server is contacted.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerEnkiDbContext>
{
    public SqlServerEnkiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerEnkiDbContext>().UseSqlServer("Server=design-time;Database=Enki;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
