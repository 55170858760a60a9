using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Enki.Infrastructure.Geography;
using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Messages;
using Enki.Simulator;

namespace Enki.Benchmarks.Nexsis;

/// <summary>
/// The NexSIS side of the push load (<see cref="PushLoad"/>), in a process of its own so that the
/// server's CPU and memory figures are the server's alone. Generates the storm, then answers the
/// orchestrator line by line on stdin/stdout:
/// <c>storm MESSAGES CASES WARMUP WARMUP_CASES BYTES</c> once ready (cases: distinct case ids created by
/// valid messages, all of them and those of the warm-up part); <c>warm</c> pushes the warm-up part,
/// <c>go</c> the measured part, each answering <c>pushed ACCEPTED REFUSED FAILED ELAPSED_MS P50_MS P99_MS MAX_MS</c>.
/// One message per request, <paramref name="concurrency"/> requests in flight.
/// </summary>
internal static class PushClient
{
    public static async Task<int> RunAsync(Uri baseAddress, string key, int messages, int warmup, int concurrency, int seed)
    {
        var storm = SimulatedStorm.Generate(FrenchGeographyLoader.Load(), warmup + messages, seed);
        var reader = new NexsisMessageReader();
        var created = storm.Select(entry => entry.Kind == SimulatedMessageKind.Valid && reader.Read(entry.Utf8Payload) is NexsisReadSuccess read
                ? read.Messages.OfType<CaseCreated>().Select(c => c.CaseId).ToArray()
                : []).ToList();
        var allCases = created.SelectMany(ids => ids).Distinct().Count();
        var warmupCases = created.Take(warmup).SelectMany(ids => ids).Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storm {messages} {allCases} {warmup} {warmupCases} {storm.Skip(warmup).Sum(e => (long)e.Utf8Payload.Length)}"));

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        while (Console.ReadLine() is { } line)
        {
            var part = line switch
            {
                "warm" => storm.Take(warmup).ToList(),
                "go" => storm.Skip(warmup).ToList(),
                _ => throw new InvalidOperationException($"unknown order '{line}'"),
            };
            Console.WriteLine(await PushAllAsync(http, key, part, concurrency));
        }
        return 0;
    }

    /// <summary>Pushes every message, <paramref name="concurrency"/> at a time, in storm order.</summary>
    private static async Task<string> PushAllAsync(HttpClient http, string key, IReadOnlyList<FeedEntry> part, int concurrency)
    {
        var latencies = new double[part.Count];
        int accepted = 0, refused = 0, failed = 0, next = -1;
        var clock = Stopwatch.StartNew();
        int Fail(string why)
        {
            // The first failures are told on stderr; the count goes to the orchestrator.
            if (Interlocked.Increment(ref failed) <= 3) Console.Error.WriteLine($"push failed: {why[..Math.Min(300, why.Length)]}");
            return failed;
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < part.Count)
            {
                var entry = part[index];
                var started = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(entry.Utf8Payload);
                content.Headers.ContentType = new MediaTypeHeaderValue(entry.ContentType, "utf-8");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/nexsis/messages") { Content = content };
                request.Headers.Add("X-Api-Key", key);
                try
                {
                    using var response = await http.SendAsync(request);
                    _ = response.StatusCode switch
                    {
                        HttpStatusCode.Accepted => Interlocked.Increment(ref accepted),
                        HttpStatusCode.BadRequest => Interlocked.Increment(ref refused),
                        _ => Fail($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"),
                    };
                }
                catch (HttpRequestException error)
                {
                    Fail(error.Message);
                }
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Array.Sort(latencies);
        double At(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"pushed {accepted} {refused} {failed} {elapsed:0} {At(0.50):0.0} {At(0.99):0.0} {(latencies.Length == 0 ? 0 : latencies[^1]):0.0} {At(0.95):0.0}");
    }
}
