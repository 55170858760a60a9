namespace Enki.Tests.Vigilance;

/// <summary>The hand-written vigilance documents of <c>Fixtures/Vigilance</c> (see its README).</summary>
internal static class VigilanceSamples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Vigilance", name));

    public static string MeteoFrance => Read("meteofrance-encours.json");

    public static string MeteoFranceMalformed => Read("meteofrance-malformed.json");

    public static string Vigicrues => Read("vigicrues-infovigicru.geojson");
}
