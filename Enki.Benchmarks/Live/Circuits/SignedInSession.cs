using System.Net;
using System.Text.RegularExpressions;

namespace Enki.Benchmarks.Live.Circuits;

/// <summary>
/// A session signed in through the real form over HTTP (the page, its antiforgery token, the post),
/// as a browser does: its cookies open the dashboards of every light circuit, on any node sharing the keys.
/// </summary>
internal static partial class SignedInSession
{
    public const string DemoPassword = "Enki-demo-2026!";

    public static async Task<CookieContainer> SignInAsync(Uri node, string userName)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = node };
        var form = await http.GetStringAsync("/compte/connexion");
        var token = TokenInput().Match(form);
        if (!token.Success) throw new InvalidOperationException("no antiforgery token on the sign-in page");
        using var response = await http.PostAsync("/compte/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "connexion",
            ["Input.UserName"] = userName,
            ["Input.Password"] = DemoPassword,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in of {userName} answered {(int)response.StatusCode}");
        return cookies;
    }

    /// <summary>The same cookies for another node's address (nodes share the data-protection keys).</summary>
    public static CookieContainer For(CookieContainer signedIn, Uri from, Uri to)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in signedIn.GetCookies(from)) copy.Add(to, new Cookie(cookie.Name, cookie.Value, "/"));
        return copy;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex TokenInput();
}
