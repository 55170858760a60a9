using System.Data.Common;
using Enki.Domain.Geography;

namespace Enki.Benchmarks.Indicators;

/// <summary>
/// Where <see cref="IndicatorYearLoad"/>'s year lives: the settings that point Enki at it, a connection to
/// watch it fill, its size, and the engine's way of copying the played traffic up to a year.
/// </summary>
internal abstract class YearStore : IAsyncDisposable
{
    /// <summary>The Enki settings for this store (none: the data folder's SQLite file).</summary>
    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Whether a kept store already holds its year (an earlier run with --keep).</summary>
    public abstract bool Seeded { get; }

    /// <summary>An open connection for reading counts (identifiers double-quoted: both engines accept it).</summary>
    public abstract Task<DbConnection> ConnectAsync();

    public abstract Task<long> SizeBytesAsync();

    /// <summary>Copies the played incidents up to <paramref name="target"/>; returns how many templates there were.</summary>
    public abstract Task<int> CopyAsync(FrenchGeography geography, int target, DateTimeOffset end, int seed);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
