using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;

namespace Enki.Tests.Map;

/// <summary>Pushes NexSIS case creations into a running Enki (the push channel), as the exchange platform would.</summary>
internal sealed class MapTrafficClient(Uri baseAddress, string pushKey) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = baseAddress };
    private int _sequence;

    /// <summary>A place and a nature: commune INSEE code, point, nature code.</summary>
    public sealed record Case(string Insee, double Lat, double Lon, string Nature = "C04.02.01");

    public async Task CreateAsync(Case place)
    {
        var number = Interlocked.Increment(ref _sequence);
        var caseId = $"fr.fire.sis{place.Insee[..2]}.cga.SC-MAP-{number:0000}";
        using var response = await _client.PushNexsisAsync(TestMessages.CreateCase(caseId, place.Insee, place.Lat, place.Lon, nature: place.Nature), pushKey);
        response.EnsureSuccessStatusCode();
    }

    public async Task CreateAllAsync(IEnumerable<Case> places)
    {
        foreach (var place in places) await CreateAsync(place);
    }

    public void Dispose() => _client.Dispose();
}
