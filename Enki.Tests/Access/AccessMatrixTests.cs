using System.Net;
using System.Text;
using Enki.Tests.Support;
using Microsoft.AspNetCore.Components;
using Xunit.Abstractions;

namespace Enki.Tests.Access;

/// <summary>Every demo profile against every page and the API, through the real sign-in form.</summary>
[Collection(WebCollection.Name)]
public sealed class AccessMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const string PartnerKey = "cle-partenaire-de-test-0123456789";

    private readonly EnkiWebApplicationFactory _app = new EnkiWebApplicationFactory()
        .With("Enki:Api:Keys:0:Name", "Partenaire 77")
        .With("Enki:Api:Keys:0:Key", PartnerKey)
        .With("Enki:Api:Keys:0:Scope", "departement:77");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private const string Ok = "200";
    private const string SignIn = "→ connexion";
    private const string Forbidden = "403";
    private const string NotFound = "404";
    private const string Unauthorized = "401";

    private static readonly string[] Pages =
    [
        "/", "/incidents", "/carte", "/crises", "/mobilisations", "/avertissements", "/avertissements/regles", "/administration",
        "/administration/utilisateurs", "/administration/journal", "/administration/boite-envoi", "/administration/quarantaine", "/hangfire",
        "/administration/avertissements-en-echec",
    ];

    private static readonly string[] Users = ["(anonyme)", "admin", "cogic", "coz-paris", "sdis77", "prefecture77", "maire-chelles", "maire-guichen"];

    /// <summary>The map page belongs to another branch: until it lands, /carte is an unknown address.</summary>
    private static readonly bool MapPageExists = typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), false).Cast<RouteAttribute>())
        .Any(r => r.Template == "/carte");

    private static string Expected(string user, string target)
    {
        if (target == "api sans clé") return user == "(anonyme)" ? Unauthorized : Ok;
        if (target == "api avec clé") return Ok;
        if (user == "(anonyme)") return SignIn;
        return target switch
        {
            "/carte" => MapPageExists ? Ok : NotFound,
            "/administration/utilisateurs" => user is "admin" or "prefecture77" ? Ok : Forbidden,
            "/administration" or "/administration/journal" or "/administration/boite-envoi" or "/administration/quarantaine" or "/hangfire"
                or "/administration/avertissements-en-echec" =>
                user == "admin" ? Ok : Forbidden,
            _ => Ok,
        };
    }

    [Fact]
    public async Task Each_profile_reaches_exactly_the_pages_and_api_it_is_entitled_to()
    {
        var targets = Pages.Append("api sans clé").Append("api avec clé").ToArray();
        var actual = new Dictionary<(string, string), string>();
        foreach (var user in Users)
        {
            using var client = user == "(anonyme)" ? _app.CreateBrowserLikeClient() : await _app.SignedInAsync(user);
            foreach (var page in Pages)
            {
                actual[(user, page)] = await OutcomeAsync(await client.GetAsync(page));
            }
            actual[(user, "api sans clé")] = await OutcomeAsync(await client.GetAsync("/api/v1/me"));
            using var keyed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            keyed.Headers.Add("X-Api-Key", PartnerKey);
            actual[(user, "api avec clé")] = await OutcomeAsync(await client.SendAsync(keyed));
        }

        var table = new StringBuilder();
        table.AppendLine("| compte | " + string.Join(" | ", targets) + " |");
        table.AppendLine("|---|" + string.Concat(targets.Select(_ => "---|")));
        var mismatches = new List<string>();
        foreach (var user in Users)
        {
            var cells = targets.Select(t =>
            {
                var (got, want) = (actual[(user, t)], Expected(user, t));
                if (got != want) mismatches.Add($"{user} {t}: attendu {want}, obtenu {got}");
                return got == want ? got : $"**{got}** (attendu {want})";
            });
            table.AppendLine($"| {user} | " + string.Join(" | ", cells) + " |");
        }
        output.WriteLine(table.ToString());
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "access-matrix.md"), table.ToString());

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Prepend(table.ToString())));
    }

    private static async Task<string> OutcomeAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            // Forbidden pages say so in French, in place (no redirect).
            return (await response.Content.ReadAsStringAsync()).Contains("Accès refusé") ? Forbidden : "403 (sans page)";
        }
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
        {
            var location = response.Headers.Location!;
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return path == "/compte/connexion" ? SignIn : $"302 {path}";
        }
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The API answers problem details, never the sign-in page.
            return response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? Unauthorized : "401 (non JSON)";
        }
        return ((int)response.StatusCode).ToString();
    }
}
