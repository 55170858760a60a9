using System.Data.Common;
using Enki.Benchmarks.Hosting;
using Enki.Domain.Geography;
using Npgsql;

namespace Enki.Benchmarks.Indicators;

/// <summary>
/// The year in a database of a throwaway PostgreSQL cluster (<see cref="ThrowawayServers"/>), kept in a folder
/// across runs with --keep, copied inside the server by <see cref="PostgresYearOfTraffic"/>.
/// </summary>
internal sealed class PostgresYearStore : YearStore
{
    private const string Name = "enki_indicators";
    private readonly ThrowawayServers _servers;
    private readonly string _connectionString;

    private PostgresYearStore(ThrowawayServers servers, string connectionString, bool seeded)
    {
        (_servers, _connectionString, Seeded) = (servers, connectionString, seeded);
        Settings = new Dictionary<string, string>
        {
            ["Enki:Database:Provider"] = "PostgreSql",
            ["Enki:Database:ConnectionString"] = connectionString,
        };
    }

    /// <param name="keep">The cluster's folder, kept across runs; null: a temporary cluster.</param>
    public static async Task<PostgresYearStore> StartAsync(string? keep)
    {
        var servers = await ThrowawayServers.StartAsync(keep is null ? null : Path.Combine(keep, "postgres"));
        var seeded = await servers.HasDatabaseAsync(Name);
        return new PostgresYearStore(servers, seeded ? servers.ConnectionTo(Name) : await servers.CreateDatabaseAsync(Name), seeded);
    }

    public override IReadOnlyDictionary<string, string> Settings { get; }

    public override bool Seeded { get; }

    public override async Task<DbConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task<long> SizeBytesAsync()
    {
        await using var connection = await ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override Task<int> CopyAsync(FrenchGeography geography, int target, DateTimeOffset end, int seed) =>
        PostgresYearOfTraffic.CopyAsync(_connectionString, geography, target, end, seed);

    public override ValueTask DisposeAsync() => _servers.DisposeAsync();
}
