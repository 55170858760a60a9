using System.Net;

namespace Enki.Tests.Support;

/// <summary>
/// A NexSIS sender replaying distributions through one address, as the exchange platform does: each is sent
/// until it gets a 202, whatever came back before (502 from a gateway whose node died, a broken
/// connection). A resent distribution Enki already stored is answered 202 again and not stored twice.
/// </summary>
internal sealed class NexsisReplay(Uri address, string key, IReadOnlyList<byte[]> distributions, int senders = 4)
{
    private int _accepted;
    private int _resent;

    /// <summary>Distributions answered 202 so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Sends that got no 202 and were made again.</summary>
    public int Resent => Volatile.Read(ref _resent);

    /// <summary>Sends everything with <paramref name="senders"/> in parallel; fails if one is still refused at <paramref name="deadline"/>.</summary>
    public async Task RunAsync(TimeSpan deadline)
    {
        // No cookies: NexSIS keeps none, so the gateway spreads its pushes over the nodes.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var until = DateTime.UtcNow + deadline;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < distributions.Count)
            {
                while (!await AcceptedAsync(client, distributions[index]))
                {
                    if (DateTime.UtcNow > until) throw new TimeoutException($"Distribution {index} still refused after {deadline.TotalSeconds:0} s.");
                    Interlocked.Increment(ref _resent);
                    await Task.Delay(100); // the platform's pause before a resend
                }
                Interlocked.Increment(ref _accepted);
            }
        }));
    }

    private async Task<bool> AcceptedAsync(HttpClient client, byte[] distribution)
    {
        try
        {
            using var response = await client.PushNexsisAsync(distribution, key);
            return response.StatusCode == HttpStatusCode.Accepted;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
