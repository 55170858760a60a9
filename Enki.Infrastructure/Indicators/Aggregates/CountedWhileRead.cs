using System.Threading.Channels;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// A national level's rows counted on another thread as the provider reads them: reading a year's packed rows and decoding them took
/// about as long each (at 5 M incidents: the grid's 24 MB, the coverage times' 8,760 rows), one after the other.
/// </summary>
internal static class CountedWhileRead
{
    /// <param name="count">Called for each row in their order, on one thread at a time (the counts need no lock).</param>
    public static async Task CountAsync<TRow>(IAsyncEnumerable<TRow> rows, Action<TRow> count, CancellationToken cancellationToken)
    {
        var read = Channel.CreateBounded<TRow>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        var counting = Task.Run(async () =>
        {
            try
            {
                await foreach (var row in read.Reader.ReadAllAsync(cancellationToken)) count(row);
            }
            catch (Exception failure)
            {
                read.Writer.TryComplete(failure); // the reading stops at its next row instead of waiting for room
                throw;
            }
        }, cancellationToken);
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await read.Writer.WriteAsync(row, cancellationToken);
            }
        }
        catch (ChannelClosedException)
        {
            // Only the counting's failure closes it early: thrown below.
        }
        finally
        {
            read.Writer.TryComplete();
        }
        await counting;
    }
}
