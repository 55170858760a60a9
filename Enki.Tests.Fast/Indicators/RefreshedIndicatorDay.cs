using Enki.Infrastructure.Indicators;
using Enki.Infrastructure.Persistence;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using Enki.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enki.Tests.Indicators;

/// <summary>
/// The day of <see cref="IndicatorDataSet"/> played through the intake on an engine, its pre-aggregates refreshed until
/// no mark is left: where the tests of a pre-aggregate's readers start.
/// </summary>
public abstract class RefreshedIndicatorDay(GeographyFixture geography, TestEngine engine) : IAsyncLifetime
{
    protected GeographyFixture Geography { get; } = geography;

    private protected TestEngine Engine { get; } = engine;

    private protected IntakeHarness Intake { get; } = new(geography.Geography, services => services.AddSingleton<IndicatorQueries>(), engine: engine);

    public virtual async Task InitializeAsync()
    {
        await Intake.InitializeAsync();
        await IndicatorDataSet.LoadAsync(Intake, Geography.Geography);
        await OpenedHourAggregateTests.RefreshAllAsync(Intake.Services);
    }

    public Task DisposeAsync() => Intake.DisposeAsync().AsTask();

    protected Task<EnkiDbContext> DbAsync() => Intake.Services.GetRequiredService<IDbContextFactory<EnkiDbContext>>().CreateDbContextAsync();
}
