namespace Enki.Tests.Nexsis.Formats;

/// <summary>
/// The official samples under Fixtures/Nexsis/official are unchanged copies of the shared reference
/// material; checked only where that folder is present (the project never needs it).
/// </summary>
public class OfficialSampleCopyTests
{
    [SkippableFact]
    public void Official_fixtures_are_byte_for_byte_copies_of_the_shared_samples()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Enki.sln")))
        {
            root = root.Parent;
        }

        var shared = root is null ? null : Path.Combine(root.FullName, "..", "shared", "nexsis", "samples");
        Skip.If(shared is null || !Directory.Exists(shared), "shared reference samples not present");

        var samples = Directory.GetFiles(shared!, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var fixture = NexsisFixtures.PathOf(Path.Combine("official", Path.GetRelativePath(shared!, sample)));
            Assert.True(File.Exists(fixture), $"missing fixture {fixture}");
            Assert.Equal(File.ReadAllBytes(sample), File.ReadAllBytes(fixture));
        }
    }
}
