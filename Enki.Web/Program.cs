using Enki.Domain.Geography;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Enki.Web.Api;
using Enki.Web.Components;
using Enki.Web.Components.Map;
using Enki.Web.Hosting;
using Hangfire;

var builder = WebApplication.CreateBuilder(args);

builder.AddEnkiLogging();
var enki = builder.Services.AddEnkiInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddEnkiWeb();
builder.Services.AddEnkiMap(builder.Configuration);

var app = builder.Build();

// Load the geography (≈1 s) before the first user, not during their first request.
app.Services.GetRequiredService<FrenchGeography>();

if (enki.Database.MigrateOnStartup)
{
    await app.Services.MigrateEnkiDatabaseAsync();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseResponseCompression();
app.UseRequestLocalization("fr-FR");
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapEnkiHealthChecks();
app.MapGeographyEndpoints();
app.MapHangfireDashboard("/hangfire", new DashboardOptions { DashboardTitle = "Enki — tâches" });
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
