using System.Net;
using System.Text.Json;
using Enki.Tests.Support;

namespace Enki.Tests.Hosting;

[Collection(WebCollection.Name)]
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Health_reports_database_and_job_storage_healthy_on_embedded_defaults()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Embedded_default_writes_its_sqlite_database_in_the_data_folder()
    {
        using var client = _app.CreateClient();
        await client.GetAsync("/health");

        var database = new FileInfo(Path.Combine(_app.DataPath, "enki.db"));
        Assert.True(database.Exists, $"expected {database.FullName}");
        Assert.True(database.Length > 0);
    }
}
