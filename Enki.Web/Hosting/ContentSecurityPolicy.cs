using System.Text.RegularExpressions;

namespace Enki.Web.Hosting;

/// <summary>
/// The Content-Security-Policy the console works under: Blazor Server (its own scripts, the import map by
/// nonce, the circuit's WebSocket to the same origin), MudBlazor (style attributes, hence
/// <c>style-src 'unsafe-inline'</c>; no inline script), Leaflet (images from the configured tile host, data:
/// icons) and room for a service worker (<c>worker-src 'self'</c>). Nothing else may load or frame it.
/// </summary>
public static partial class ContentSecurityPolicy
{
    /// <summary>Key of the per-request nonce in <see cref="HttpContext.Items"/>, read by <c>App.razor</c>'s import map.</summary>
    public const string NonceKey = "enki.csp-nonce";

    public static string Build(string nonce, string? tileUrl, string? oidcAuthority, bool relaxedScripts = false)
    {
        var tiles = TileSource(tileUrl);
        var identityProvider = Origin(oidcAuthority);
        return string.Join("; ",
            "default-src 'self'",
            relaxedScripts ? "script-src 'self' 'unsafe-inline'" : $"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self' 'unsafe-inline'",
            $"img-src 'self' data: blob:{(tiles is null ? "" : " " + tiles)}",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            // The external sign-in button posts here, then is redirected to the identity provider.
            $"form-action 'self'{(identityProvider is null ? "" : " " + identityProvider)}",
            "frame-ancestors 'none'");
    }

    /// <summary>
    /// The CSP source of a tile URL template: scheme and host, a placeholder label (<c>{s}</c>) becoming a
    /// wildcard (<c>https://{s}.tile.example/{z}/{x}/{y}.png</c> → <c>https://*.tile.example</c>).
    /// </summary>
    public static string? TileSource(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl)) return null;
        var match = SchemeAndHost().Match(tileUrl.Trim());
        if (!match.Success) return null;
        var host = string.Join('.', match.Groups["host"].Value.Split('.').Select(label => label.Contains('{') ? "*" : label));
        // Only a leading wildcard is valid in CSP: a placeholder further in widens to the registrable part after it.
        var star = host.LastIndexOf('*');
        if (star > 0) host = "*" + host[(star + 1)..];
        return $"{match.Groups["scheme"].Value.ToLowerInvariant()}://{host}{match.Groups["port"].Value}";
    }

    private static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>[^/:?#]+)(?<port>:\d+)?", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeAndHost();
}
