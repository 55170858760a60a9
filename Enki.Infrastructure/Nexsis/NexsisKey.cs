using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Enki.Infrastructure.Nexsis;

/// <summary>The key NexSIS and the built-in simulator authenticate with (<c>X-Api-Key</c>), compared in constant time.</summary>
public static class NexsisKey
{
    public const string Header = "X-Api-Key";

    /// <summary>False while no key is configured: the channel is closed.</summary>
    public static bool Matches(HttpRequest request, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || !request.Headers.TryGetValue(Header, out var sent))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent.ToString()), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>A fresh random key, for a simulator started without one configured.</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
