using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Enki.Benchmarks.Live.Circuits;

/// <summary>
/// What blazor.web.js reads in a prerendered page before it opens a circuit: the interactive server
/// components' start markers (<c>&lt;!--Blazor:{"type":"server",…}--&gt;</c>) and the persisted
/// component state (<c>&lt;!--Blazor-Server-Component-State:…--&gt;</c>).
/// </summary>
internal sealed partial record PrerenderedPage(IReadOnlyList<JsonObject> Markers, string ApplicationState)
{
    public static async Task<PrerenderedPage> LoadAsync(HttpClient http, Uri page)
    {
        using var response = await http.GetAsync(page);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();
        var markers = Marker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server")
            .OrderBy(m => (int)m["sequence"]!)
            .ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"{page}: no interactive server component in the page");
        var state = State().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups[1].Value : "");
    }

    /// <summary>The first <c>UpdateRootComponents</c> batch: add each marked component, as blazor.web.js does.</summary>
    public string AddOperations() => new JsonObject
    {
        ["batchId"] = 1,
        ["operations"] = new JsonArray(Markers.Select((marker, i) => (JsonNode)new JsonObject
        {
            ["type"] = "add",
            ["ssrComponentId"] = i + 1,
            ["marker"] = marker.DeepClone(),
        }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();
}
