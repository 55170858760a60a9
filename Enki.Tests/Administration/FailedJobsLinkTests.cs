using System.Net;
using Enki.Infrastructure.Hosting;
using Enki.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Administration;

/// <summary>« Tâches en échec » on the administration page leads to the failure itself, with when and why.</summary>
[Collection(WebCollection.Name)]
public sealed class FailedJobsLinkTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_failed_job_count_links_to_the_failed_jobs_page_in_the_dashboard()
    {
        using var admin = await _app.SignedInAsync("admin");
        var id = _app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<FailingJob>(job => job.Run());

        var status = _app.Services.GetRequiredService<SystemStatus>();
        SystemStatusReport report;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((report = await status.ReadAsync()).FailedJobs == 0 && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(200);

        Assert.True(report.FailedJobs >= 1);
        Assert.Equal(id, report.LatestFailure!.Id);
        Assert.Equal("FailingJob.Run", report.LatestFailure.Job);
        Assert.Contains("le tuyau est percé", report.LatestFailure.Reason);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("administration"));
        Assert.Contains($"href=\"hangfire/jobs/details/{id}\"", html);
        Assert.Contains("le tuyau est percé", html);
        Assert.Contains("(heure de Paris)", html);
        // The link's target exists for an administrator.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"hangfire/jobs/details/{id}")).StatusCode);
    }
}

/// <summary>A background job that fails once, for good.</summary>
public sealed class FailingJob
{
    [AutomaticRetry(Attempts = 0)]
    public void Run() => throw new InvalidOperationException("le tuyau est percé");
}
