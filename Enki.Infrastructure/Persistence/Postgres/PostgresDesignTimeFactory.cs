using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Enki.Infrastructure.Persistence.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEnkiDbContext>
{
    public PostgresEnkiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEnkiDbContext>().UseNpgsql("Host=design-time;Database=enki").Options);
}
