namespace Enki.Simulator;

/// <summary>Where the built-in simulator answers, relative to Enki's own address.</summary>
public static class SimulatorPaths
{
    public const string Root = "/simulateur/nexsis/";
    public const string Feed = "/simulateur/nexsis/flux";
    public const string Acknowledgements = "/simulateur/nexsis/acquittements";
    public const string Status = "/simulateur/nexsis/etat";
    public const string VigilanceMeteoFrance = "/simulateur/vigilance/meteofrance/encours";
    public const string VigilanceVigicrues = "/simulateur/vigilance/vigicrues/InfoVigiCru.geojson";
}
