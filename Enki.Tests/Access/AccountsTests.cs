using Enki.Application.Accounts;
using System.Net;
using System.Text.Json;
using Enki.Domain.Access;
using Enki.Domain.Audit;
using Enki.Infrastructure.Access;
using Enki.Infrastructure.Audit;
using Enki.Infrastructure.Hosting;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Support;
using Enki.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Access;

[Collection(WebCollection.Name)]
public sealed class AccountsTests : IAsyncLifetime
{
    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory()
        .With("Enki:Api:Keys:0:Name", "Partenaire Guichen")
        .With("Enki:Api:Keys:0:Key", "cle-guichen-0123456789abcdef")
        .With("Enki:Api:Keys:0:Scope", "commune:35126")
        .WithFakeClock();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private static readonly Viewer Admin = new("admin-id", "Administrateur", Profile.Administrator, Jurisdiction.National);

    private async Task<EnkiUser> UserAsync(string userName)
    {
        using var client = _app.CreateClient(); // starts the host
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<EnkiUser>>().FindByNameAsync(userName))!;
    }

    private async Task<List<AuditEntry>> AuditAsync(string action)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.Where(e => e.Action == action).ToListAsync();
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Prefecture_gets_404_for_an_account_of_another_department_and_200_for_its_own()
    {
        var guichen = await UserAsync("maire-guichen");
        var chelles = await UserAsync("maire-chelles");
        using var prefecture = await _app.SignedInAsync("prefecture77");

        var outside = await prefecture.GetAsync($"/administration/utilisateurs/{guichen.Id}");
        var inside = await prefecture.GetAsync($"/administration/utilisateurs/{chelles.Id}");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.DoesNotContain("Guichen", await TextAsync(outside));
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Contains("Maire de Chelles", await TextAsync(inside));
    }

    [Fact]
    public async Task Prefecture_lists_only_accounts_of_its_department()
    {
        await UserAsync("admin");
        var accounts = _app.Services.GetRequiredService<AccountAdministration>();
        var prefecture = (await UserAsync("prefecture77")) is var p ? new Viewer(p.Id, p.DisplayName, p.Profile, p.Jurisdiction) : null!;

        var names = (await accounts.ListAsync(prefecture)).Select(u => u.UserName).Order().ToList();

        Assert.Equal(["maire-chelles", "prefecture77", "sdis77"], names);
        Assert.Equal(DemoAccounts.All.Count, (await accounts.ListAsync(Admin)).Count);
        Assert.Empty(await accounts.ListAsync(new Viewer("m", "Maire", Profile.Mayor, Jurisdiction.Commune("77108"))));
    }

    [Fact]
    public async Task Prefecture_cannot_change_an_account_outside_its_department_nor_grant_cogic()
    {
        var guichen = await UserAsync("maire-guichen");
        var chelles = await UserAsync("maire-chelles");
        var p = await UserAsync("prefecture77");
        var prefecture = new Viewer(p.Id, p.DisplayName, p.Profile, p.Jurisdiction);
        var accounts = _app.Services.GetRequiredService<AccountAdministration>();

        var outside = await accounts.SetDisabledAsync(prefecture, guichen.Id, true);
        var cogic = await accounts.ChangeAccessAsync(prefecture, chelles.Id, Profile.Cogic, Jurisdiction.National);
        var allowed = await accounts.ChangeAccessAsync(prefecture, chelles.Id, Profile.Mayor, Jurisdiction.Commune("77288"));

        Assert.Equal(["Compte introuvable."], outside.Errors);
        Assert.False(cogic.Succeeded);
        Assert.True(allowed.Succeeded, string.Join(" ", allowed.Errors));
        Assert.Equal("77288", (await UserAsync("maire-chelles")).CommuneCode);
        Assert.Single(await AuditAsync(AuditActions.AccessChanged));
    }

    [Fact]
    public async Task Ten_failures_lock_the_account_for_fifteen_minutes_and_only_the_right_password_learns_it()
    {
        using var client = _app.CreateBrowserLikeClient();
        for (var i = 0; i < 10; i++)
        {
            var wrong = await client.PostSignInAsync("sdis77", "Mauvais-mot-de-passe-1");
            // Locked or not, someone without the password reads the same words.
            Assert.Equal("Identifiant ou mot de passe incorrect.", SignInClient.ErrorOf(await response(wrong)));
        }

        var wrongWhileLocked = await client.PostSignInAsync("sdis77", "Mauvais-mot-de-passe-1");
        var rightPasswordTooLate = await client.PostSignInAsync("sdis77", SignInClient.DemoPassword);

        Assert.Equal("Identifiant ou mot de passe incorrect.", SignInClient.ErrorOf(await response(wrongWhileLocked)));
        Assert.Equal(HttpStatusCode.OK, rightPasswordTooLate.StatusCode);
        Assert.Contains("Compte verrouillé après plusieurs échecs : réessayez dans 15 minutes.", await TextAsync(rightPasswordTooLate));
        var failures = await AuditAsync(AuditActions.SignInFailed);
        Assert.Equal(11, failures.Count); // nine wrong passwords, then two attempts on the locked account
        Assert.All(failures, f => Assert.Equal("sdis77", f.ActorName));
        Assert.Single(await AuditAsync(AuditActions.LockedOut));

        static Task<string> response(HttpResponseMessage r) => r.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Unknown_name_is_refused_and_audited_with_the_attempted_name()
    {
        using var client = _app.CreateBrowserLikeClient();

        var response = await client.PostSignInAsync("personne", "Quelconque-2026!");

        Assert.Contains("Identifiant ou mot de passe incorrect.", await TextAsync(response));
        Assert.Contains(await AuditAsync(AuditActions.SignInFailed), e => e.ActorName == "personne");
    }

    [Fact]
    public async Task Disabled_account_cannot_sign_in_and_its_open_session_stops_working()
    {
        var sdis = await UserAsync("sdis77");
        using var session = await _app.SignedInAsync("sdis77");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/incidents")).StatusCode);

        var result = await _app.Services.GetRequiredService<AccountAdministration>().SetDisabledAsync(Admin, sdis.Id, true);
        _app.Clock!.Advance(TimeSpan.FromMinutes(2)); // past the security stamp validation interval

        Assert.True(result.Succeeded);
        var afterwards = await session.GetAsync("/incidents");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/compte/connexion", afterwards.Headers.Location!.AbsolutePath);
        using var fresh = _app.CreateBrowserLikeClient();
        var signIn = await fresh.PostSignInAsync("sdis77", SignInClient.DemoPassword);
        Assert.Contains("ce compte est désactivé", await TextAsync(signIn));
        Assert.Single(await AuditAsync(AuditActions.Disabled));
    }

    [Fact]
    public async Task Invitation_link_sets_the_password_once_and_a_later_link_expires_after_24_hours()
    {
        await UserAsync("admin");
        var accounts = _app.Services.GetRequiredService<AccountAdministration>();
        var invited = await accounts.InviteAsync(Admin,
            new InvitationRequest("maire.lagny@exemple.fr", "Maire de Lagny", "Mairie", Profile.Mayor, Jurisdiction.Commune("77288")),
            "http://localhost/");
        Assert.True(invited.Succeeded, string.Join(" ", invited.Errors));
        var path = new Uri(invited.Link!).PathAndQuery;
        using var client = _app.CreateBrowserLikeClient();

        var accept = await PostInvitationAsync(client, path, "Nouveau-mot-2026!");
        var again = await client.GetAsync(path);

        Assert.Contains("Votre mot de passe est enregistré", await TextAsync(accept));
        Assert.Contains("déjà été utilisé", await TextAsync(again));
        using var lagny = await _app.SignedInAsync("maire.lagny@exemple.fr", "Nouveau-mot-2026!");
        Assert.Equal(HttpStatusCode.OK, (await lagny.GetAsync("/")).StatusCode);

        // The outbox holds the message with its link, and only the token's hash is stored.
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync())
        {
            var mail = await db.Outbox.SingleAsync();
            Assert.Equal("maire.lagny@exemple.fr", mail.Recipient);
            Assert.Contains(invited.Link!, mail.Body);
            var token = invited.Link!.Split("jeton=")[1];
            Assert.DoesNotContain(await db.Invitations.Select(i => i.TokenHash).ToListAsync(), h => h.Contains(token));
        }

        var late = await accounts.InviteAsync(Admin,
            new InvitationRequest("sdis.adjoint@exemple.fr", "Adjoint", null, Profile.Sdis, Jurisdiction.Department("77")), "http://localhost/");
        _app.Clock!.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var expired = await client.GetAsync(new Uri(late.Link!).PathAndQuery);
        Assert.Contains("a expiré", await TextAsync(expired));
        Assert.Single(await AuditAsync(AuditActions.InvitationAccepted));
        Assert.Equal(2, (await AuditAsync(AuditActions.Invitation)).Count);
    }

    private static async Task<HttpResponseMessage> PostInvitationAsync(HttpClient client, string path, string password)
    {
        var form = await client.GetStringAsync(path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(form),
            ["_handler"] = "invitation",
            ["Input.Password"] = password,
            ["Input.Confirmation"] = password,
        }));
    }

    [Fact]
    public async Task Sign_out_needs_the_antiforgery_token_and_is_audited()
    {
        using var client = await _app.SignedInAsync("cogic");

        var forged = await client.PostAsync("/compte/deconnexion", new FormUrlEncodedContent([]));
        var home = await client.GetStringAsync("/");
        var signOut = await client.PostAsync("/compte/deconnexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignInClient.AntiforgeryToken(home),
        }));
        var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Single(await AuditAsync(AuditActions.SignOut));
        Assert.Single(await AuditAsync(AuditActions.SignIn));
    }

    [Fact]
    public async Task Return_url_is_followed_when_local_and_ignored_when_not()
    {
        using var local = _app.CreateBrowserLikeClient();
        using var foreign = _app.CreateBrowserLikeClient();

        var toIncidents = await local.PostSignInAsync("cogic", SignInClient.DemoPassword, "/incidents");
        var toElsewhere = await foreign.PostSignInAsync("cogic", SignInClient.DemoPassword, "//exemple.org/piege");

        Assert.Equal("/incidents", toIncidents.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        Assert.Equal("/", toElsewhere.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_or_deleted()
    {
        await UserAsync("admin");
        await _app.Services.GetRequiredService<IAuditTrail>().RecordAsync("essai", "cible");
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "essai");

        entry.Detail = "falsifié";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.Entry(entry).State = EntityState.Unchanged;
        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Journal_is_narrowed_to_the_viewer_jurisdiction_and_filters_by_action_actor_and_text()
    {
        await UserAsync("admin");
        var trail = _app.Services.GetRequiredService<IAuditTrail>();
        await trail.RecordAsync("essai", "chelles", "inondation", new Territory("77108", "77", "PARIS"), actorName: "alice");
        await trail.RecordAsync("essai", "guichen", "tempête", new Territory("35126", "35", "OUEST"), actorName: "bob");
        var journal = _app.Services.GetRequiredService<AuditJournal>();
        var prefecture = new Viewer("p", "Préfecture", Profile.Prefecture, Jurisdiction.Department("77"));

        var mine = await journal.SearchAsync(prefecture, new AuditQuery(Action: "essai"));
        var all = await journal.SearchAsync(Admin, new AuditQuery(Action: "essai"));
        var byActor = await journal.SearchAsync(Admin, new AuditQuery(Action: "essai", Actor: "bob"));
        var byText = await journal.SearchAsync(Admin, new AuditQuery(Text: "inond"));
        var future = await journal.SearchAsync(Admin, new AuditQuery(From: _app.Clock!.GetUtcNow().AddHours(1)));

        Assert.Equal(["chelles"], mine.Items.Select(e => e.Target));
        Assert.Equal(2, all.Total);
        Assert.Equal(["guichen"], byActor.Items.Select(e => e.Target));
        Assert.Equal(["chelles"], byText.Items.Select(e => e.Target));
        Assert.Equal(0, future.Total);
    }

    [Fact]
    public async Task Partner_key_gives_its_jurisdiction_and_bad_keys_get_a_problem_401()
    {
        using var client = _app.CreateBrowserLikeClient();
        using var good = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        good.Headers.Add(ApiKeyAuthenticationHandler.Header, "cle-guichen-0123456789abcdef");
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        bad.Headers.Add(ApiKeyAuthenticationHandler.Header, "cle-guichen-0123456789abcdeX");

        var ok = await client.SendAsync(good);
        var refused = await client.SendAsync(bad);
        var unknownApi = await client.GetAsync("/api/v1/nulle-part");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var json = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal("Partenaire Guichen", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("partner", json.RootElement.GetProperty("caller").GetString());
        Assert.Equal("commune:35126", json.RootElement.GetProperty("jurisdiction").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownApi.StatusCode);
    }

    [Fact]
    public async Task Signed_in_person_reads_their_own_perimeter_from_the_api()
    {
        using var client = await _app.SignedInAsync("maire-chelles");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me"));

        Assert.Equal("user", json.RootElement.GetProperty("caller").GetString());
        Assert.Equal("commune:77108", json.RootElement.GetProperty("jurisdiction").GetString());
        Assert.Equal("Maire", json.RootElement.GetProperty("profile").GetString());
    }

    [Fact]
    public async Task External_identity_matches_only_an_existing_enabled_account_by_email()
    {
        var cogic = await UserAsync("cogic");
        await _app.Services.GetRequiredService<AccountAdministration>().SetDisabledAsync(Admin, (await UserAsync("coz-paris")).Id, true);
        await using var scope = _app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<EnkiUser>>();

        Assert.Equal(cogic.Id, (await AccountEndpoints.MatchExternalAsync(signIn, cogic.Email))?.Id);
        Assert.Null(await AccountEndpoints.MatchExternalAsync(signIn, "inconnu@exemple.fr"));
        Assert.Null(await AccountEndpoints.MatchExternalAsync(signIn, "coz-paris@demo.enki.invalid"));
        Assert.Null(await AccountEndpoints.MatchExternalAsync(signIn, null));
    }
}

[Collection(WebCollection.Name)]
public sealed class SignInOptionsTests
{
    [Fact]
    public async Task Sign_in_page_offers_the_configured_single_sign_on_when_enabled()
    {
        await using var app = new EnkiWebApplicationFactory()
            .With("Enki:Oidc:Enabled", "true")
            .With("Enki:Oidc:Authority", "https://sso.exemple.invalid")
            .With("Enki:Oidc:ClientId", "enki")
            .With("Enki:Oidc:DisplayName", "ProConnect");
        using var client = app.CreateBrowserLikeClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/compte/connexion"));

        Assert.Contains("Se connecter avec ProConnect", html);
    }

    [Fact]
    public async Task Sign_in_page_has_no_single_sign_on_button_by_default_and_marks_the_cookie_http_only()
    {
        await using var app = new EnkiWebApplicationFactory();
        using var client = app.CreateBrowserLikeClient();

        var html = await client.GetStringAsync("/compte/connexion");
        var response = await client.PostSignInAsync("admin", SignInClient.DemoPassword);

        Assert.DoesNotContain("oidc-sign-in", html);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("enki.session="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class DemoAccountsTests
{
    [Fact]
    public async Task Seeding_on_sql_server_touches_nothing()
    {
        // An unreachable server: any attempt to create an account would throw.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Enki:Database:Provider"] = "SqlServer",
            ["Enki:Database:ConnectionString"] = "Server=127.0.0.1,1;Database=Enki;Connect Timeout=1;TrustServerCertificate=True",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddEnkiInfrastructure(configuration, Path.GetTempPath());
        await using var provider = services.BuildServiceProvider();

        await provider.SeedDemoAccountsAsync();

        Assert.Equal(9, DemoAccounts.All.Count);
    }

    [Fact]
    public void Every_demo_account_holds_the_jurisdiction_kind_its_profile_requires()
    {
        Assert.All(DemoAccounts.All, a => Assert.Equal(a.Profile.RequiredKind(), a.Jurisdiction.Kind));
        Assert.All(DemoAccounts.All, a => Assert.Empty(AccessPolicy.GrantErrors(
            new Viewer("a", "Admin", Profile.Administrator, Jurisdiction.National), null, a.Profile, a.Jurisdiction, new TestTerritoryDirectory())));
    }
}
