using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Enki.Benchmarks.Live;

/// <summary>
/// NexSIS pushing one new fire in Chelles (77) over HTTP, as the live-path loads do. Its street reads
/// <see cref="Street"/>(n): a text no other push carries, which the dashboards' latest incidents show.
/// </summary>
internal static class IncidentPush
{
    public static string Street(int n) => $"{n} rue de la Charge-{n:00000}";

    /// <summary>Posts incident <paramref name="n"/>; answers when the 202 came, as wall-clock milliseconds and a <see cref="Stopwatch"/> timestamp.</summary>
    public static async Task<(double UnixMs, long Ticks)> PushAsync(HttpClient http, string pushKey, int n)
    {
        var at = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var json = new JsonObject
        {
            ["createCase"] = new JsonObject
            {
                ["caseId"] = $"fr.fire.sis077.load.SC-{n:00000}-{Guid.NewGuid():N}",
                ["creation"] = at,
                ["referenceVersion"] = "2.01.3",
                ["qualification"] = new JsonObject { ["whatsHappen"] = new JsonObject { ["code"] = "C04.02.01", ["label"] = "Incendie" } },
                ["location"] = new JsonObject
                {
                    ["city"] = new JsonObject { ["name"] = "Chelles", ["inseeCode"] = "77108" },
                    ["detailedAddress"] = new JsonObject { ["complete"] = Street(n) },
                    ["country"] = "FR",
                    ["geometry"] = new JsonObject
                    {
                        ["point"] = new JsonObject { ["coord"] = new JsonObject { ["lat"] = 48.8786, ["lon"] = 2.5914, ["precision"] = "ADRESSE" } },
                        ["datetime"] = at,
                    },
                },
            },
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/nexsis/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", pushKey);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"push answered {response.StatusCode}");
        return (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Stopwatch.GetTimestamp());
    }
}
