using System.Data.Common;
using Enki.Domain.Geography;
using Microsoft.Data.Sqlite;

namespace Enki.Benchmarks.Indicators;

/// <summary>The year in the data folder's SQLite file (Enki's embedded default), copied by <see cref="YearOfTraffic"/>.</summary>
internal sealed class SqliteYearStore(string dataPath) : YearStore
{
    private string Database => Path.Combine(dataPath, "enki.db");

    public override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public override bool Seeded => File.Exists(Database);

    public override async Task<DbConnection> ConnectAsync()
    {
        var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly");
        await connection.OpenAsync();
        return connection;
    }

    public override Task<long> SizeBytesAsync() => Task.FromResult(new FileInfo(Database).Length);

    public override Task<int> CopyAsync(FrenchGeography geography, int target, DateTimeOffset end, int seed) =>
        YearOfTraffic.CopyAsync(Database, geography, target, end, seed);
}
