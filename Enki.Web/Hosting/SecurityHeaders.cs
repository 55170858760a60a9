using System.Net;
using System.Security.Cryptography;
using Enki.Infrastructure.Hosting;
using Enki.Web.Components.Map;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Enki.Web.Hosting;

/// <summary>Settings under <c>Enki:Proxy</c>: the TLS reverse proxies whose <c>X-Forwarded-*</c> headers are believed.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Enki:Proxy";

    /// <summary>Networks of the proxies, in CIDR (<c>10.0.0.0/8</c>, <c>::1/128</c>). Empty: forwarded headers are ignored.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// What every answer carries: CSP, nosniff, referrer policy, no framing, no <c>Server</c> header, and
/// <c>Cache-Control: no-store</c> on anything holding personal or operational data (API answers, exports,
/// pages) unless the endpoint chose its own caching (static assets, geography). Behind a TLS proxy, the
/// forwarded scheme and address make cookies <c>Secure</c> and HSTS sent.
/// </summary>
public static class SecurityHeaders
{
    public static WebApplicationBuilder AddEnkiSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var proxy = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed; the loopback default is dropped with them.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var network in proxy.KnownNetworks)
            {
                if (!System.Net.IPNetwork.TryParse(network.Trim(), out var parsed))
                {
                    throw new InvalidOperationException($"Enki:Proxy:KnownNetworks : « {network} » n'est pas un réseau CIDR (ex. 10.0.0.0/8).");
                }
                o.KnownIPNetworks.Add(parsed);
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>First in the pipeline: the forwarded scheme must be known before HSTS, cookies and redirects.</summary>
    public static WebApplication UseEnkiSecurityHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        var map = app.Services.GetRequiredService<IOptions<MapOptions>>().Value;
        var enki = app.Services.GetRequiredService<EnkiOptions>();
        var oidcAuthority = enki.Oidc.Enabled ? enki.Oidc.Authority : null;
        app.Use((context, next) =>
        {
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing for HTML to encode
            context.Items[ContentSecurityPolicy.NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var path = context.Request.Path;
                // The Hangfire dashboard (administrators only) writes inline scripts of its own.
                headers.ContentSecurityPolicy = ContentSecurityPolicy.Build(nonce, map.TileUrl, oidcAuthority,
                    relaxedScripts: path.StartsWithSegments("/hangfire"));
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.Remove(HeaderNames.Server);
                if (HoldsData(path) || !headers.ContainsKey(HeaderNames.CacheControl))
                {
                    headers.CacheControl = "no-store";
                    headers.Remove(HeaderNames.Pragma);
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// API answers and exports: never kept by a browser or a shared cache, whatever the endpoint said. The
    /// reference geography (public outlines) keeps its day-long caching.
    /// </summary>
    public static bool HoldsData(PathString path) =>
        (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/v1/geography"))
        || path.Value is { } value && (value.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                                       || value.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                                       || value.EndsWith("/point-de-situation", StringComparison.OrdinalIgnoreCase));
}
