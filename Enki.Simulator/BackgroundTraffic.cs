using Enki.Domain.Geography;

namespace Enki.Simulator;

/// <summary>
/// The ordinary traffic of the scenarios' departments, so that « écart à la normale » has weeks to compare
/// with: on average <see cref="MeanPerHour"/> incidents an hour per department, more by day than by night
/// (<see cref="Rate"/>), drawn hour by hour from a Poisson law. Each is an ordinary incident of two messages
/// (<see cref="IncidentPlanner.PlanOrdinary"/>), with the simulator's share of exercises.
/// </summary>
public static class BackgroundTraffic
{
    /// <summary>Mean incidents per hour and department over a day.</summary>
    public const double MeanPerHour = 1.0;

    /// <summary>The mean of one local hour: from half the mean at 02:00 to one and a half at 14:00.</summary>
    public static double Rate(int localHour) => MeanPerHour * (1 - 0.5 * Math.Cos(2 * Math.PI * (localHour - 2) / 24));

    /// <summary>The ordinary incidents received in [from, to), in time order.</summary>
    public static IEnumerable<SimulatedIncident> Draw(IncidentPlanner planner, Random random, IEnumerable<string> departments, DateTimeOffset from, DateTimeOffset to)
    {
        var scenarios = departments.Distinct().Select(d => new ScenarioDefinition($"courant-{d.ToLowerInvariant()}", ScenarioKind.Ordinary, d)).ToList();
        var incidents = new List<SimulatedIncident>();
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            var mean = Rate(TerritoryClock.Local(hour, TerritoryClock.Paris).Hour);
            foreach (var scenario in scenarios)
            {
                for (var n = Poisson(mean, random); n > 0; n--)
                {
                    var at = hour + TimeSpan.FromHours(random.NextDouble());
                    if (at < to) incidents.Add(planner.Draw(scenario, at, major: false));
                }
            }
        }
        return incidents.OrderBy(i => i.ReceivedAt);
    }

    /// <summary>Knuth's draw: fine for small means.</summary>
    private static int Poisson(double mean, Random random)
    {
        var limit = Math.Exp(-mean);
        var (k, p) = (0, random.NextDouble());
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }
        return k;
    }
}
