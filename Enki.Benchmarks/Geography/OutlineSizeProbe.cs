using System.Diagnostics;
using Enki.Infrastructure.Geography;

namespace Enki.Benchmarks.Geography;

/// <summary>Prints the size of the served outlines (raw and gzip) and the time to build them: the map's payload.</summary>
public static class OutlineSizeProbe
{
    public static int Run(IReadOnlyList<string> arguments)
    {
        // --dump DIR also writes each document there, to look at it.
        var dump = arguments.SkipWhile(a => a != "--dump").Skip(1).FirstOrDefault();
        var departments = arguments.Where((a, i) => a != "--dump" && (i == 0 || arguments[i - 1] != "--dump")).ToList();
        var national = DepartmentOutlines.Load();
        Print("départements (national)", national, TimeSpan.Zero);
        var geography = FrenchGeographyLoader.Load();
        var communes = new CommuneOutlines(geography);
        foreach (var department in departments)
        {
            var watch = Stopwatch.StartNew();
            var content = communes.OfDepartment(department);
            watch.Stop();
            if (content is null)
            {
                Console.Error.WriteLine($"Département inconnu : {department}");
                return 1;
            }
            Print($"communes {department}", content, watch.Elapsed);
            if (dump is not null) File.WriteAllBytes(Path.Combine(dump, $"communes-{department}.geojson"), content.GeoJson.ToArray());
        }
        return 0;
    }

    private static void Print(string label, GeoJsonContent content, TimeSpan built) =>
        Console.WriteLine($"{label,-26} {content.GeoJson.Length,12:N0} B  gzip {content.GzippedGeoJson.Length,10:N0} B  built in {built.TotalMilliseconds,8:N0} ms");
}
