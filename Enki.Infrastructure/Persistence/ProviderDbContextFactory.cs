using Enki.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Enki.Infrastructure.Persistence;

/// <summary>
/// Hands out the provider's context as the provider-neutral <see cref="EnkiDbContext"/>, with Enki's
/// clock and this node's commit bell for the events it records.
/// </summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner, TimeProvider clock, ICommitBell committed)
    : IDbContextFactory<EnkiDbContext>
    where TContext : EnkiDbContext
{
    public EnkiDbContext CreateDbContext()
    {
        var context = inner.CreateDbContext();
        context.Clock = clock;
        context.Committed = committed;
        return context;
    }
}
