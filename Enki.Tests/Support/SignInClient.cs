using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enki.Tests.Support;

/// <summary>Signs in through the real form: fetch the page, read its antiforgery token, post it back.</summary>
public static partial class SignInClient
{
    public const string DemoPassword = "Enki-demo-2026!";

    /// <summary>A cookie-keeping client that does not follow redirects, so tests see 302s.</summary>
    public static HttpClient CreateBrowserLikeClient(this EnkiWebApplicationFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in and fails the test unless the form redirects away from the sign-in page.</summary>
    public static async Task<HttpClient> SignedInAsync(this EnkiWebApplicationFactory app, string userName, string password = DemoPassword)
    {
        var client = app.CreateBrowserLikeClient();
        var response = await client.PostSignInAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {userName} answered {(int)response.StatusCode}: {ErrorOf(await response.Content.ReadAsStringAsync())}");
        }
        return client;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var address = "/compte/connexion" + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var form = await client.GetStringAsync(address);
        return await client.PostAsync(address, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["_handler"] = "connexion",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html)
    {
        var input = TokenInput().Match(html);
        if (!input.Success) throw new InvalidOperationException("no antiforgery token in the page");
        return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
    }

    /// <summary>The text of the sign-in page's error alert, if any.</summary>
    public static string? ErrorOf(string html)
    {
        var match = ErrorAlert().Match(html);
        return match.Success ? WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", "")).Trim() : null;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("data-testid=\"sign-in-error\"[^>]*>(.*?)</div>\\s*</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorAlert();
}
