using Enki.Domain.Access;
using Enki.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;

namespace Enki.Infrastructure.Audit;

/// <summary>
/// Adds an audit row to a unit of work that is about to commit a change: the change and its row are
/// saved by the same <c>SaveChanges</c>, so neither exists without the other. Who and from where
/// (address, browser) come from the current request or circuit when there is one.
/// </summary>
public sealed class AuditRecorder(IHttpContextAccessor http, TimeProvider clock)
{
    public AuditEntry Add(EnkiDbContext db, string action, string? target, string? detail = null, ILocatedInTerritory? territory = null,
        Viewer? actor = null, string? actorName = null)
    {
        var entry = Entry(action, target, detail, territory, actor, actorName);
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>A row for a unit of work of its own (sign-in attempts, exports: nothing else changes with them).</summary>
    public AuditEntry Entry(string action, string? target, string? detail = null, ILocatedInTerritory? territory = null,
        Viewer? actor = null, string? actorName = null)
    {
        // In a Blazor circuit this is the circuit's connection request: still the right client.
        var context = http.HttpContext;
        var userAgent = context?.Request.Headers.UserAgent.ToString();
        return new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor?.Id,
            ActorName = Truncate(actorName ?? actor?.Name, 256),
            Action = action,
            Target = Truncate(target, 256),
            Detail = detail,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(string.IsNullOrEmpty(userAgent) ? null : userAgent, 512),
            CommuneCode = territory?.CommuneCode,
            DepartmentCode = territory?.DepartmentCode,
            ZoneCode = territory?.ZoneCode,
        };
    }

    private static string? Truncate(string? value, int max) => value is { Length: var n } && n > max ? value[..max] : value;
}
