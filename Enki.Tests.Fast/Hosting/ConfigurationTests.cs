using Enki.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("SqlServer")]
    [InlineData("PostgreSql")]
    public void A_server_database_without_a_connection_string_is_refused_with_a_clear_message(string provider)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Enki:Database:Provider"] = provider })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddEnkiInfrastructure(configuration, Path.GetTempPath()));

        Assert.Contains("Enki:Database:ConnectionString", error.Message);
    }

    [Fact]
    public void Relative_data_path_is_resolved_from_the_content_root_and_created()
    {
        var root = Path.Combine(Path.GetTempPath(), $"enki-root-{Guid.NewGuid():N}");
        try
        {
            var folder = new DataFolder(root, new EnkiOptions { DataPath = "data" });

            Assert.Equal(Path.Combine(root, "data"), folder.Path);
            Assert.True(Directory.Exists(folder.Path));
            Assert.Equal(Path.Combine(root, "data", "enki.db"), folder.File("enki.db"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
