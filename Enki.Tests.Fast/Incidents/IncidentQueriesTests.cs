using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;
using Enki.Tests.Geography;
using Enki.Tests.Nexsis.Intake;
using static Enki.Tests.Incidents.IncidentSeed;
using Enki.Tests.Support;

namespace Enki.Tests.Incidents;

/// <summary>The incident list and find on a real SQLite file: each filter, each sort, the jurisdiction, exercises apart.</summary>
[Collection(GeographyCollection.Name)]
public class IncidentQueriesTests : IAsyncLifetime
{
    private readonly GeographyFixture _geography;
    private readonly TestEngine _engine;

    public IncidentQueriesTests(GeographyFixture geography) : this(geography, TestEngine.Sqlite) { }

    // The same tests on PostgreSQL: Persistence/Postgres.
    protected IncidentQueriesTests(GeographyFixture geography, TestEngine engine) => (_geography, _engine) = (geography, engine);

    private IncidentStore _store = null!;
    private readonly Incident _fire = Open("FEU-CHELLES", Chelles, "C04.02.01", minutesAfterT0: 0);
    private readonly Incident _road = Open("AVP-MEAUX", Meaux, "C01.01.00", minutesAfterT0: 10);
    private readonly Incident _flood = Open("INOND-CHELLES", Chelles with { Address = "allée des Peupliers" }, "C08.03.00", minutesAfterT0: 20);
    private readonly Incident _guichen = Open("FEU-GUICHEN", Guichen, "C04.01.00", minutesAfterT0: 30);
    private readonly Incident _drill = Open("EXERCICE-MEAUX", Meaux, "C09.01.00", minutesAfterT0: 40, exercise: true);

    public async Task InitializeAsync()
    {
        _store = await new IncidentStore(_geography.Geography, _engine).InitializeAsync();
        _road.Cancel(Later(_road, 60)); // cancelled, and the latest update of all
        await _store.AddAsync(_fire, _road, _flood, _guichen, _drill);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task<List<string>> CasesAsync(IncidentFilter filter, Domain.Access.Viewer? viewer = null) =>
        (await _store.Queries.ListRowsAsync(viewer ?? IncidentStore.National, filter, 0, 100)).Items.Select(r => r.CaseId.Split('.')[^1]).ToList();

    [SkippableFact]
    public async Task Real_traffic_by_default_newest_opened_first_and_exercises_only_on_request()
    {
        Assert.Equal(["FEU-GUICHEN", "INOND-CHELLES", "AVP-MEAUX", "FEU-CHELLES"], await CasesAsync(new IncidentFilter { Sort = IncidentSort.NewestFirst }));
        Assert.Equal(["EXERCICE-MEAUX"], await CasesAsync(new IncidentFilter(Exercise: true)));
    }

    [SkippableFact]
    public async Task Mayor_of_Chelles_never_gets_Guichen_from_the_list_nor_by_id()
    {
        var chelles = await CasesAsync(new IncidentFilter(Exercise: null), IncidentStore.MayorOfChelles);

        Assert.Equal(["FEU-CHELLES", "INOND-CHELLES"], chelles.Order());
        Assert.Null(await _store.Queries.FindAsync(IncidentStore.MayorOfChelles, _guichen.Id));
        Assert.NotNull(await _store.Queries.FindAsync(IncidentStore.MayorOfChelles, _fire.Id));
        Assert.DoesNotContain("FEU-GUICHEN", await CasesAsync(new IncidentFilter { Text = "Guichen" }, IncidentStore.Sdis77));
    }

    [SkippableFact]
    public async Task Filters_by_family_nature_code_prefix_status_and_commune()
    {
        Assert.Equal(["FEU-GUICHEN", "FEU-CHELLES"], await CasesAsync(new IncidentFilter(NatureFamily: "C04") { Sort = IncidentSort.NewestFirst }));
        Assert.Equal(["FEU-CHELLES"], await CasesAsync(new IncidentFilter { NatureCodePrefix = "c04.02" }));
        Assert.Equal(["AVP-MEAUX"], await CasesAsync(new IncidentFilter(Status: IncidentStatus.Cancelled)));
        Assert.Equal(["FEU-CHELLES", "INOND-CHELLES"], (await CasesAsync(new IncidentFilter(CommuneCode: "77108"))).Order());
    }

    [SkippableFact]
    public async Task Filters_by_opening_time_range_end_excluded()
    {
        var from = TestMessages.T0.AddMinutes(10);

        Assert.Equal(["AVP-MEAUX", "INOND-CHELLES"], (await CasesAsync(new IncidentFilter { OpenedFrom = from, OpenedTo = from.AddMinutes(20) })).Order());
    }

    [Theory]
    [InlineData("INOND", "INOND-CHELLES")] // case id
    [InlineData("peupliers", "INOND-CHELLES")] // address, any case
    [InlineData("meaux", "AVP-MEAUX")] // commune name
    [InlineData("circulation", "AVP-MEAUX")] // nature label
    public async Task Free_text_searches_case_id_address_commune_and_nature_label(string text, string expected)
    {
        Assert.Equal([expected], await CasesAsync(new IncidentFilter { Text = text }));
    }

    [SkippableFact]
    public async Task Free_text_wildcards_are_taken_literally()
    {
        Assert.Empty(await CasesAsync(new IncidentFilter { Text = "%" }));
        Assert.Empty(await CasesAsync(new IncidentFilter { Text = "_" }));
    }

    [Theory]
    [InlineData(IncidentSortKey.Opened, false, "FEU-CHELLES,AVP-MEAUX,INOND-CHELLES,FEU-GUICHEN")]
    [InlineData(IncidentSortKey.Updated, true, "AVP-MEAUX,FEU-GUICHEN,INOND-CHELLES,FEU-CHELLES")]
    [InlineData(IncidentSortKey.Status, true, "AVP-MEAUX,FEU-GUICHEN,INOND-CHELLES,FEU-CHELLES")]
    [InlineData(IncidentSortKey.Status, false, "FEU-GUICHEN,INOND-CHELLES,FEU-CHELLES,AVP-MEAUX")]
    [InlineData(IncidentSortKey.Commune, false, "INOND-CHELLES,FEU-CHELLES,FEU-GUICHEN,AVP-MEAUX")]
    [InlineData(IncidentSortKey.Nature, false, "AVP-MEAUX,FEU-GUICHEN,FEU-CHELLES,INOND-CHELLES")]
    public async Task Sorts_on_the_server(IncidentSortKey key, bool descending, string expected)
    {
        Assert.Equal(expected.Split(','), await CasesAsync(new IncidentFilter { Sort = new IncidentSort(key, descending) }));
    }

    [SkippableFact]
    public async Task Pages_are_counted_apart_and_never_exceed_a_hundred_rows()
    {
        var page = await _store.Queries.ListRowsAsync(IncidentStore.National, new IncidentFilter { Sort = IncidentSort.NewestFirst }, 1, 3);

        Assert.Equal(4, page.Total);
        Assert.Equal("FEU-CHELLES", Assert.Single(page.Items).CaseId.Split('.')[^1]);
        Assert.Equal(IncidentQueries.MaxRowsPageSize, (await _store.Queries.ListRowsAsync(IncidentStore.National, new IncidentFilter(), 0, 5000)).PageSize);
    }
}
