using System.Net;
using System.Text.Json;
using Enki.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Enki.Tests.Hosting;

[Collection(WebCollection.Name)]
public sealed class HealthEndpointTests(HealthEndpointTests.Host host) : IClassFixture<HealthEndpointTests.Host>
{
    /// <summary>Read-only requests: one host for the class.</summary>
    public sealed class Host() : SharedHost(new EnkiWebApplicationFactory());

    private readonly EnkiWebApplicationFactory _app = host.App;

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
        // The host starts from a copy of an empty migrated file: the demo accounts in it were written by the app.
        await using var connection = new SqliteConnection($"Data Source={database.FullName};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM AspNetUsers";
        Assert.True((long)(await count.ExecuteScalarAsync())! > 0, "no account written to the data folder's database");
    }
}
