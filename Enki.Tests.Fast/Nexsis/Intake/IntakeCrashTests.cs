using Enki.Infrastructure.Nexsis.Inbox;
using Enki.Infrastructure.Persistence;
using Enki.Infrastructure.Persistence.Sqlite;
using Enki.Tests.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Enki.Tests.Nexsis.Intake.TestMessages;

namespace Enki.Tests.Nexsis.Intake;

[Collection(GeographyCollection.Name)]
public sealed class IntakeCrashTests(GeographyFixture geography)
{
    [Fact]
    public async Task A_process_stopped_in_the_middle_of_a_batch_loses_nothing_and_doubles_nothing_after_restart()
    {
        var crash = new CrashBeforeCommit();
        await using var intake = new IntakeHarness(geography.Geography, services =>
            services.AddSingleton<IDbContextFactory<EnkiDbContext>>(sp => new CrashingFactory(sp.GetRequiredService<IntakeHarnessPath>().Path, crash)));
        await intake.InitializeAsync();
        for (var i = 0; i < 20; i++)
        {
            var caseId = $"fr.fire.sis077.cga-077.SC-CRASH-{i:00}";
            await intake.PushAsync(CreateCase(caseId));
            await intake.PushAsync(Resource(caseId, "fr.fire.sis077.resource.VSAV" + i, "DEPART", T0.AddMinutes(2)));
        }

        crash.Armed = true;
        await Assert.ThrowsAsync<IOException>(() => intake.Processor.ProcessBatchAsync());

        // Nothing of the interrupted batch was committed: every message still waits in the inbox.
        Assert.Equal(0, await intake.QueryAsync(db => db.Incidents.CountAsync()));
        Assert.Equal(0, await intake.QueryAsync(db => db.Events.CountAsync(e => e.Type == "nexsis.acknowledgement-owed"))); // no acknowledgement without its case
        Assert.Equal(40, await intake.QueryAsync(db => db.NexsisInbox.CountAsync(m => m.State == InboxState.Pending)));

        crash.Armed = false; // restart
        await intake.DrainAsync();

        Assert.Equal(20, await intake.QueryAsync(db => db.Incidents.CountAsync()));
        Assert.Equal(20, await intake.QueryAsync(db => db.Events.CountAsync(e => e.Type == "nexsis.acknowledgement-owed"))); // one owed per case, none doubled
        var incidents = await intake.QueryAsync(db => db.Incidents.ToListAsync());
        Assert.All(incidents, i => Assert.Equal(2, i.Timeline.Count));
        Assert.All(incidents, i => Assert.Single(i.Resources));
        Assert.Equal(40, await intake.QueryAsync(db => db.NexsisInbox.CountAsync(m => m.State == InboxState.Processed)));
    }

    /// <summary>Throws while saving, as a process killed before the commit would leave things.</summary>
    private sealed class CrashBeforeCommit : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Armed && eventData.Context!.ChangeTracker.Entries<Enki.Domain.Incidents.Incident>().Any()
                ? throw new IOException("process stopped")
                : ValueTask.FromResult(result);
    }

    private sealed class CrashingFactory(string path, CrashBeforeCommit crash) : IDbContextFactory<EnkiDbContext>
    {
        public EnkiDbContext CreateDbContext() =>
            new SqliteEnkiDbContext(new DbContextOptionsBuilder<SqliteEnkiDbContext>().UseSqlite($"Data Source={path}").AddInterceptors(crash).Options);
    }
}
