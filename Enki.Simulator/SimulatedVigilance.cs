using System.Globalization;
using System.Text.Json.Nodes;
using Enki.Domain.Geography;
using Microsoft.Extensions.Options;

namespace Enki.Simulator;

/// <summary>
/// The vigilance maps that go with the scenarios being played, in Météo-France's and Vigicrues' published formats:
/// a storm puts its department's wind at orange today (yellow tomorrow); a flood its rain-flood and floods at orange,
/// and a river section through the department's demo commune (or its largest) at red.
/// </summary>
public sealed class SimulatedVigilance(FrenchGeography geography, IOptions<SimulatorOptions> options, TimeProvider time)
{
    private IEnumerable<ScenarioDefinition> Scenarios =>
        options.Value.EffectiveScenarios.Select(name => ScenarioDefinition.TryParse(name, out var s) ? s : null).OfType<ScenarioDefinition>()
            .Where(s => s.Kind is ScenarioKind.Storm or ScenarioKind.Flood && geography.FindDepartment(s.DepartmentCode) is not null);

    /// <summary>« cartevigilance/encours »: today (J) and tomorrow (J1) for each department a storm or flood plays over.</summary>
    public string MeteoFranceJson()
    {
        var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var periods = new JsonArray();
        foreach (var (echeance, day) in new[] { ("J", 0), ("J1", 1) })
        {
            var domains = new JsonArray();
            foreach (var department in Scenarios.GroupBy(s => s.DepartmentCode))
            {
                var items = new JsonArray();
                foreach (var scenario in department)
                {
                    var colour = day == 0 ? 3 : 2;
                    if (scenario.Kind == ScenarioKind.Storm) items.Add(Item("1", colour));
                    else
                    {
                        items.Add(Item("2", colour));
                        items.Add(Item("4", colour));
                    }
                }
                domains.Add(new JsonObject
                {
                    ["domain_id"] = department.Key,
                    ["max_color_id"] = day == 0 ? 3 : 2,
                    ["phenomenon_items"] = items,
                });
            }
            periods.Add(new JsonObject
            {
                ["echeance"] = echeance,
                ["begin_validity_time"] = Time(today.AddDays(day)),
                ["end_validity_time"] = Time(today.AddDays(day + 1)),
                ["timelaps"] = new JsonObject { ["domain_ids"] = domains },
            });
        }
        return new JsonObject
        {
            ["product"] = new JsonObject
            {
                ["warning_type"] = "vigilance",
                ["update_time"] = Time(time.GetUtcNow()),
                ["domain_id"] = "FRA",
                ["periods"] = periods,
            },
        }.ToJsonString();
    }

    /// <summary>« InfoVigiCru »: one red section through the demo commune (or the largest) of each flooded department.</summary>
    public string VigicruesGeoJson()
    {
        var features = new JsonArray();
        foreach (var flood in Scenarios.Where(s => s.Kind == ScenarioKind.Flood).DistinctBy(s => s.DepartmentCode))
        {
            var commune = geography.CommunesOfDepartment(flood.DepartmentCode)
                .OrderByDescending(c => CommuneSampler.DemoCommuneShares.ContainsKey(c.InseeCode)).ThenByDescending(c => c.Population).First();
            if (geography.OutlineOf(commune.InseeCode)?.Centroid is not { } centre) continue;
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject
                {
                    ["CdEntCru"] = $"SIM{flood.DepartmentCode}",
                    ["TypEntCru"] = "8",
                    ["LbEntCru"] = $"Tronçon simulé à {commune.Name}",
                    ["NivInfViCr"] = 4,
                },
                ["geometry"] = new JsonObject
                {
                    ["type"] = "LineString",
                    ["coordinates"] = new JsonArray(Point(centre.X - 0.01, centre.Y - 0.004), Point(centre.X, centre.Y), Point(centre.X + 0.01, centre.Y + 0.004)),
                },
            });
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString();
    }

    private static JsonObject Item(string phenomenon, int colour) => new()
    {
        ["phenomenon_id"] = phenomenon,
        ["phenomenon_max_color_id"] = colour,
        ["timelaps_items"] = new JsonArray(),
    };

    private static JsonArray Point(double longitude, double latitude) => new(Math.Round(longitude, 5), Math.Round(latitude, 5));

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
