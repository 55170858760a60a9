using Enki.Application.Warnings;
using Enki.Application.Vigilance;
using Enki.Application;
using Enki.Application.Accounts;
using Enki.Application.Mobilisation;
using Enki.Domain.Geography;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Crises;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Indicators.Aggregates;
using Enki.Infrastructure.Jobs;
using Enki.Infrastructure.History.Snapshots;
using Enki.Infrastructure.Nexsis;
using Enki.Infrastructure.Organisations;
using Enki.Infrastructure.Persistence;
using Enki.Simulator;
using Enki.Web.Api;
using Enki.Web.Components;
using Enki.Web.Components.Map;
using Enki.Web.Hosting;
using Enki.Web.Hosting.GracefulStop;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics;

// `dotnet Enki.Web.dll vapid-keys`: a new Web Push key pair to give every node of a cluster, then exit (no database needed).
if (args.FirstOrDefault() == "vapid-keys")
{
    var pair = Enki.Infrastructure.Warnings.WebPush.VapidKeys.Generate();
    Console.WriteLine($"Enki__WebPush__PublicKey={pair.PublicKey}");
    Console.WriteLine($"Enki__WebPush__PrivateKey={pair.PrivateKey}");
    return 0;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddEnkiLogging();
builder.AddEnkiSecurityHeaders();
var enki = builder.Services.AddEnkiInfrastructure(builder.Configuration, builder.Environment.ContentRootPath, builder.Environment.IsDevelopment());
// The built-in NexSIS simulator: on by default only on the embedded default, as the demo accounts.
builder.Services.AddNexsisSimulator(builder.Configuration, enabledByDefault: enki.IsEmbeddedDefault(builder.Environment.IsDevelopment()));
builder.Services.AddEnkiApplication();
builder.Services.AddEnkiWeb();
builder.Services.AddEnkiApiDocument();
builder.Services.AddEnkiMap(builder.Configuration);
builder.Services.AddEnkiAuthentication(enki);

var app = builder.Build();

// Load the geography (≈1 s) before the first user, not during their first request.
app.Services.GetRequiredService<FrenchGeography>();

// Nodes starting together take turns: the first migrates and seeds, the next find it done.
await using (await StartupLock.AcquireAsync(app.Services))
{
    if (enki.Database.MigrateOnStartup || args.FirstOrDefault() == FirstAdministrator.Command)
    {
        await app.Services.MigrateEnkiDatabaseAsync();
    }
    // `dotnet Enki.Web.dll create-admin --email …`: the first administrator of a production database, then exit.
    if (args.FirstOrDefault() == FirstAdministrator.Command)
    {
        return await FirstAdministrator.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
    }
    if (enki.Database.MigrateOnStartup)
    {
        await app.Services.SeedDemoAccountsAsync();
        await app.Services.SeedDemoWarningsAsync();
        await app.Services.SeedDemoDirectoryAsync();
        await app.Services.SeedDemoCrisesAsync();
    }
}
await app.Services.WarnIfNoneAsync();
app.Services.StartEnkiJobs();
app.Services.StartEnkiIndicatorAggregates();
app.Services.StartEnkiNexsis();
app.Services.StartEnkiMobilisation();
app.Services.StartEnkiWarnings();
app.Services.StartEnkiHistory();
app.Services.StartEnkiVigilance();

app.UseEnkiSecurityHeaders();
app.UseEnkiGracefulStop();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseResponseCompression();
app.UseRequestLocalization("fr-FR");
// 403 and 404 both get a French page; /api answers keep their JSON.
app.UseStatusCodePagesWithReExecute("/statut/{0}", createScopeForStatusCodePages: true);
app.Use((context, next) =>
{
    if (AccessSetup.IsApi(context.Request) && context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
    return next(context);
});
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapEnkiHealthChecks();
app.MapGeographyEndpoints();
app.MapEnkiAccountEndpoints();
app.MapNexsisPush();
app.MapIncidentApi();
app.MapPastSituationApi();
app.MapIndicatorApi();
app.MapEnkiApiDocument();
app.MapLogbookExports();
app.MapRetexExports();
app.MapWebPush();
app.MapNexsisSimulator();
// Endpoint authorization replaces Hangfire's local-requests-only filter.
app.MapHangfireDashboard("/hangfire", new DashboardOptions { DashboardTitle = "Enki — tâches", Authorization = [] })
    .RequireAuthorization(EnkiPolicies.Administrator);
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
