using System.Diagnostics;
using Enki.Infrastructure.Nexsis.Formats;

namespace Enki.Benchmarks.Nexsis;

/// <summary>
/// Prints how long the NexSIS reader takes on the worst payload shapes at the push's size cap, and
/// what it answers. The push and the quarantine's reprocessing both go through this one read, so
/// its time is the per-message bound. A shape slower than 30 s is timed once.
/// </summary>
internal static class WorstMessageProbe
{
    private const int Runs = 5;

    public static int Run(int size)
    {
        var reader = new NexsisMessageReader();
        Console.WriteLine($"NexSIS reader, worst shapes at {size / 1024.0 / 1024:0.##} MB ({Environment.ProcessorCount} cores), median of {Runs} reads after one:");
        Console.WriteLine($"{"shape",-44} {"bytes",9} {"median ms",10} {"max ms",8}  answer");
        var slowest = 0.0;
        foreach (var (name, payload) in WorstMessageShapes.All(size))
        {
            var first = Time(reader, payload, out var answer);
            var times = first > 30_000 ? [first] : Enumerable.Range(0, Runs).Select(run => Time(reader, payload, out _)).Order().ToArray();
            var median = times[times.Length / 2];
            slowest = Math.Max(slowest, times.Max());
            Console.WriteLine($"{name,-44} {payload.Length,9} {median,10:0.0} {times.Max(),8:0.0}  {answer}");
        }
        Console.WriteLine($"slowest read: {slowest:0.0} ms");
        return 0;
    }

    private static double Time(NexsisMessageReader reader, byte[] payload, out string answer)
    {
        var watch = Stopwatch.StartNew();
        var result = reader.Read(payload);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        answer = result switch
        {
            ReadFailure failure => $"refusé : {failure.Reason}",
            NexsisReadSuccess success => $"lu : {success.Messages.Count} message(s)",
            _ => result.GetType().Name,
        };
        if (answer.Length > 90)
        {
            answer = answer[..90] + "…";
        }
        return elapsed;
    }
}
