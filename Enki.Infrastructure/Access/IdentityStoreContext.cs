using Enki.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Infrastructure.Access;

/// <summary>
/// The context Identity's store saves through in a scope. Rows added to it (an audit row, an invitation)
/// are committed by the same <c>SaveChanges</c> as the next change a <see cref="UserManager{TUser}"/> of
/// that scope saves: taken from the store itself, so it cannot be another context than the one Identity uses.
/// </summary>
public static class IdentityStoreContext
{
    public static EnkiDbContext Of(IServiceProvider scope) => Of(scope.GetRequiredService<IUserStore<EnkiUser>>());

    /// <summary>The context of the scope's store (the one its <see cref="UserManager{TUser}"/> uses: both are scoped).</summary>
    public static EnkiDbContext Of(IUserStore<EnkiUser> userStore) =>
        userStore is UserOnlyStore<EnkiUser, EnkiDbContext, string,
            IdentityUserClaim<string>, IdentityUserLogin<string>, IdentityUserToken<string>> { AutoSaveChanges: true } store
            ? store.Context
            : throw new InvalidOperationException("Identity's user store is no longer the EF Core store saving through EnkiDbContext.");
}
