using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Enki.Domain.Directory;

/// <summary>An e-mail address as a person types it: one address, a domain with a dot, stored lower-case.</summary>
public static class EmailAddress
{
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var value = text.Trim();
        if (value.Any(char.IsWhiteSpace) || value.Count(c => c == '@') != 1) return false;
        if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value) return false;
        var domain = parsed.Host;
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.')) return false;
        address = value.ToLowerInvariant();
        return true;
    }
}
