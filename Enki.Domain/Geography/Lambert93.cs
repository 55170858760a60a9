namespace Enki.Domain.Geography;

/// <summary>
/// The Lambert-93 projection (EPSG:2154), France's legal plane coordinates: a secant Lambert conformal conic
/// on the GRS 80 ellipsoid of RGF93, standard parallels 44° N and 49° N, origin 46° 30′ N 3° E at
/// E 700 000 m, N 6 600 000 m. Formulas of IGN's NTG 71 notes (ALG0054 constants, ALG0003 direct, ALG0004
/// inverse), also EPSG's « Lambert Conic Conformal (2SP) ». WGS 84 positions are taken as RGF93 (they differ
/// by a few centimetres, well below what a 1 km square needs).
/// </summary>
public static class Lambert93
{
    private const double A = 6_378_137.0;
    private const double Flattening = 1 / 298.257222101;
    private const double FalseEasting = 700_000.0;
    private const double FalseNorthing = 6_600_000.0;
    private static readonly double E = Math.Sqrt(2 * Flattening - Flattening * Flattening);
    private static readonly double Lambda0 = Radians(3);
    private static readonly double N;
    private static readonly double AF;
    private static readonly double R0;

    static Lambert93()
    {
        double phi1 = Radians(44), phi2 = Radians(49);
        N = (Math.Log(M(phi1)) - Math.Log(M(phi2))) / (Math.Log(T(phi1)) - Math.Log(T(phi2)));
        AF = A * M(phi1) / (N * Math.Pow(T(phi1), N));
        R0 = AF * Math.Pow(T(Radians(46.5)), N);
    }

    /// <summary>Easting and northing in metres of a latitude and longitude in degrees.</summary>
    public static (double East, double North) Project(double latitude, double longitude)
    {
        var r = AF * Math.Pow(T(Radians(latitude)), N);
        var theta = N * (Radians(longitude) - Lambda0);
        return (FalseEasting + r * Math.Sin(theta), FalseNorthing + R0 - r * Math.Cos(theta));
    }

    /// <summary>Latitude and longitude in degrees of an easting and northing in metres.</summary>
    public static (double Latitude, double Longitude) Unproject(double east, double north)
    {
        var dx = east - FalseEasting;
        var dy = R0 - (north - FalseNorthing);
        var r = Math.Sign(N) * Math.Sqrt(dx * dx + dy * dy);
        var t = Math.Pow(r / AF, 1 / N);
        var longitude = Math.Atan2(dx, dy) / N + Lambda0;
        // ALG0002: latitude from isometric latitude, by iteration (converges to 1e-12 rad in a few steps).
        var phi = Math.PI / 2 - 2 * Math.Atan(t);
        for (var i = 0; i < 20; i++)
        {
            var sin = E * Math.Sin(phi);
            var next = Math.PI / 2 - 2 * Math.Atan(t * Math.Pow((1 - sin) / (1 + sin), E / 2));
            if (Math.Abs(next - phi) < 1e-12) { phi = next; break; }
            phi = next;
        }
        return (Degrees(phi), Degrees(longitude));
    }

    private static double M(double phi) => Math.Cos(phi) / Math.Sqrt(1 - E * E * Math.Sin(phi) * Math.Sin(phi));

    private static double T(double phi)
    {
        var sin = E * Math.Sin(phi);
        return Math.Tan(Math.PI / 4 - phi / 2) / Math.Pow((1 - sin) / (1 + sin), E / 2);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Degrees(double radians) => radians * 180 / Math.PI;
}
