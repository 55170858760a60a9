using Enki.Application.Accounts;
using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Nexsis;
using Enki.Simulator;
using Enki.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enki.Tests.Security;

/// <summary>
/// Outside Development nothing public is on by default: no demo account with its published password, no
/// simulator (whose feed carries callers' phone numbers); the log says how to create the first administrator.
/// Development on the embedded default keeps the README's "two commands" experience.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class ProductionDefaultsTests
{
    /// <summary>The real app with the demo and simulator settings left unset, in <paramref name="environment"/>.</summary>
    private static (EnkiWebApplicationFactory Owner, WebApplicationFactory<Program> App, LogCapture Logs) Start(string environment)
    {
        var owner = new EnkiWebApplicationFactory().Without("Enki:Demo:Enabled").Without("Enki:Simulator:Enabled")
            .With("Enki:Simulator:Backfill", "00:05:00");
        var logs = new LogCapture();
        var app = owner.WithWebHostBuilder(b => b.UseEnvironment(environment).ConfigureLogging(l => l.AddProvider(logs)));
        return (owner, app, logs);
    }

    [Fact]
    public async Task Production_start_has_no_demo_account_no_simulator_and_says_how_to_create_the_first_administrator()
    {
        var (owner, app, logs) = Start("Production");
        await using var _ = owner;
        await using var __ = app;
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var signIn = await client.PostSignInAsync("admin", SignInClient.DemoPassword);
        using var feed = await client.GetAsync(SimulatorPaths.Feed);

        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>();
        foreach (var demo in DemoAccounts.All) Assert.Null(await users.FindByNameAsync(demo.UserName));
        Assert.Null(app.Services.GetService<NexsisSimulator>());
        Assert.NotEqual(HttpStatusCode.OK, feed.StatusCode);
        Assert.DoesNotContain("\"cursor\"", await feed.Content.ReadAsStringAsync());
        Assert.Contains(logs.Messages, m => m.Contains("Aucun compte administrateur") && m.Contains("create-admin --email"));
    }

    [Fact]
    public async Task Create_admin_prints_a_one_time_link_with_which_the_first_administrator_chooses_a_password_and_signs_in()
    {
        var (owner, app, logs) = Start("Production");
        await using var _ = owner;
        await using var __ = app;
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.False(await FirstAdministrator.AnyAsync(app.Services));

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await FirstAdministrator.RunAsync(app.Services, ["--email", "chef.salle@interieur.example.fr", "--nom", "Chef de salle"], output, error);

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        var token = LinkToken().Match(output.ToString());
        Assert.True(token.Success, output.ToString());
        Assert.DoesNotContain(SignInClient.DemoPassword, output.ToString());
        Assert.True(await FirstAdministrator.AnyAsync(app.Services));
        var accepted = await app.Services.GetRequiredService<InvitationAcceptance>().AcceptAsync(token.Groups[1].Value, "Premier-admin-2026!");
        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors));
        var reused = await app.Services.GetRequiredService<InvitationAcceptance>().AcceptAsync(token.Groups[1].Value, "Autre-mot-2026!!");
        Assert.False(reused.Succeeded);
        var signIn = await client.PostSignInAsync("chef.salle@interieur.example.fr", "Premier-admin-2026!");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/administration/utilisateurs")).StatusCode);

        var missing = await FirstAdministrator.RunAsync(app.Services, ["--nom", "Sans adresse"], output, error);
        Assert.Equal(2, missing);
        Assert.Contains("Usage : dotnet Enki.Web.dll create-admin --email", error.ToString());
    }

    [Fact]
    public async Task Explicit_settings_turn_demo_accounts_and_simulator_on_outside_development_and_its_endpoints_want_the_key()
    {
        await using var app = new EnkiWebApplicationFactory()
            .With("Enki:Demo:Enabled", "true").With("Enki:Simulator:Enabled", "true").With("Enki:Simulator:Backfill", "00:05:00")
            .With("Enki:Nexsis:InboundApiKey", "cle-nexsis-0123456789abcdef");
        using var client = await app.SignedInAsync("sdis77");

        using var anonymous = await app.CreateClient().GetAsync(SimulatorPaths.Status);
        var keyed = app.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", "cle-nexsis-0123456789abcdef");
        using var status = await keyed.GetAsync(SimulatorPaths.Status);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task Development_on_the_embedded_default_has_the_demo_accounts_and_a_running_simulator_fed_with_its_own_key()
    {
        var (owner, app, logs) = Start("Development");
        await using var _ = owner;
        await using var __ = app;
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var signIn = await client.PostSignInAsync("sdis77", SignInClient.DemoPassword);
        using var anonymousFeed = await app.CreateClient().GetAsync(SimulatorPaths.Feed);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotNull(app.Services.GetService<NexsisSimulator>());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousFeed.StatusCode);
        var options = app.Services.GetRequiredService<IOptions<NexsisOptions>>().Value;
        Assert.Equal(SimulatorPaths.Feed, options.FeedUrl);
        Assert.False(string.IsNullOrEmpty(options.InboundApiKey));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("Aucun compte administrateur"));
    }

    [GeneratedRegex(@"/compte/invitation\?jeton=([A-Za-z0-9_\-]+)")]
    private static partial Regex LinkToken();

    /// <summary>Keeps what the app logs, to read its start-up advice.</summary>
    internal sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) messages.Enqueue(formatter(state, exception));
            }
        }
    }
}
