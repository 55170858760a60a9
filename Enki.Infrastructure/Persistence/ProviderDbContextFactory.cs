using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>Hands out the provider's context as the provider-neutral <see cref="EnkiDbContext"/>.</summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<EnkiDbContext>
    where TContext : EnkiDbContext
{
    public EnkiDbContext CreateDbContext() => inner.CreateDbContext();
}
