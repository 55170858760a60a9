using Enki.Infrastructure.Indicators;

namespace Enki.Tests.Indicators;

/// <summary>The published definitions are the catalogue's: the file is regenerated, never edited by hand.</summary>
public sealed class IndicatorDocumentTests
{
    private const string Regenerate = "ENKI_WRITE_DOCS=1 dotnet test Enki.Tests.Fast --filter \"FullyQualifiedName~IndicatorDocumentTests\"";

    [Fact]
    public void Docs_indicateurs_md_is_generated_from_the_catalogue()
    {
        var path = Path.Combine(RepositoryRoot(), IndicatorDocument.RelativePath);
        var expected = IndicatorDocument.Markdown();
        if (Environment.GetEnvironmentVariable("ENKI_WRITE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path) : "";

        Assert.True(actual == expected, $"{IndicatorDocument.RelativePath} is not up to date with the catalogue; regenerate it with: {Regenerate}");
    }

    [Fact]
    public void Every_indicator_has_a_section_with_its_definition()
    {
        var markdown = IndicatorDocument.Markdown();

        Assert.All(Enki.Domain.Indicators.IndicatorCatalogue.All, indicator =>
        {
            Assert.Contains($"## {indicator.Name}\n\nCode : `{indicator.Code}`", markdown);
            Assert.Contains(indicator.Definition, markdown);
        });
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Enki.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Enki.sln not found above the test assembly.");
    }
}
