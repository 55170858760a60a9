using Enki.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Simulator;

/// <summary>What the simulator asks of Enki's store: whether any incident is there yet (asked once, when the engine starts).</summary>
public sealed class SimulatorStore(IServiceProvider services)
{
    /// <summary>Null without a store (the simulator alone, in a test): then it plays its scenarios only.</summary>
    public bool? IsEmpty()
    {
        if (services.GetService<IDbContextFactory<EnkiDbContext>>() is not { } dbFactory) return null;
        using var db = dbFactory.CreateDbContext();
        return !db.Incidents.Any();
    }
}
