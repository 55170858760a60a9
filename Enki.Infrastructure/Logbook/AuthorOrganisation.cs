using Enki.Domain.Access;
using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Logbook;

/// <summary>The organisation an author writes for: their account's, else their profile and territory.</summary>
internal static class AuthorOrganisation
{
    public static async Task<string> OfAsync(EnkiDbContext db, Viewer author, CancellationToken cancellationToken)
    {
        var organisation = await db.Users.Where(u => u.Id == author.Id).Select(u => u.Organisation).FirstOrDefaultAsync(cancellationToken);
        return !string.IsNullOrWhiteSpace(organisation)
            ? organisation
            : $"{author.Profile?.Label() ?? "Partenaire"} — {author.Jurisdiction.Label}";
    }
}
