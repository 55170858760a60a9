using System.Security.Cryptography;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>
/// The official samples under Fixtures/Nexsis/official stay unchanged copies: their SHA-256 sums are
/// committed beside them, and where the shared reference material is present its samples must
/// match the same sums (the project itself never needs that folder).
/// </summary>
public class OfficialSampleCopyTests
{
    private static Dictionary<string, string> Manifest() =>
        File.ReadAllLines(NexsisFixtures.PathOf(Path.Combine("official", "SHA256SUMS")))
            .Select(line => line.Split("  ./", 2))
            .ToDictionary(parts => parts[1], parts => parts[0]);

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    [Fact]
    public void Official_fixtures_match_their_committed_checksums()
    {
        var manifest = Manifest();

        Assert.Equal(12, manifest.Count);
        foreach (var (relative, sum) in manifest)
        {
            Assert.Equal(sum, Sha256(NexsisFixtures.PathOf(Path.Combine("official", relative))));
        }
    }

    [Fact]
    public void Shared_samples_when_present_are_the_ones_the_fixtures_copy()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Enki.sln")))
        {
            root = root.Parent;
        }
        var shared = root is null ? null : Path.Combine(root.FullName, "..", "shared", "nexsis", "samples");
        var manifest = Manifest();
        var samples = shared is not null && Directory.Exists(shared)
            ? Directory.GetFiles(shared, "*", SearchOption.AllDirectories)
            : [];

        // Every shared sample present must be one of the fixtures, byte for byte.
        foreach (var sample in samples)
        {
            var relative = Path.GetRelativePath(shared!, sample).Replace('\\', '/');
            Assert.True(manifest.TryGetValue(relative, out var sum), $"shared sample {relative} has no fixture");
            Assert.Equal(sum, Sha256(sample));
        }
        Assert.True(samples.Length is 0 or 12, $"{samples.Length} shared samples");
    }
}
