using Enki.Domain.Access;
using Enki.Domain.Geography;
using Enki.Infrastructure.Access;
using Enki.Tests.Geography;
using static Enki.Tests.Crises.CrisisViewers;

namespace Enki.Tests.Crises;

/// <summary>The people a pilot may name as participants: inside the pilot's jurisdiction only, found by name.</summary>
[Collection(GeographyCollection.Name)]
public sealed class CrisisPeopleTests(GeographyFixture geography) : IAsyncLifetime
{
    private CrisisStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await new CrisisStore(geography.Geography).InitializeAsync();
        var directory = new GeographyTerritoryDirectory(geography.Geography);
        await using var db = await _store.DbFactory.CreateDbContextAsync();
        foreach (var (id, name, organisation, profile, jurisdiction, disabled) in new[]
        {
            ("officier77", "Cdt Martin", "CODIS 77", Profile.Sdis, Jurisdiction.Department("77"), false),
            ("maire-chelles", "Brigitte Marsigny", "Mairie de Chelles", Profile.Mayor, Jurisdiction.Commune("77108"), false),
            ("maire-guichen", "Dominique Delaunay", "Mairie de Guichen", Profile.Mayor, Jurisdiction.Commune("35126"), false),
            ("ancien-meaux", "Jean Ancien", "Mairie de Meaux", Profile.Mayor, Jurisdiction.Commune("77284"), true),
        })
        {
            var user = new EnkiUser { Id = id, UserName = id, Email = $"{id}@test.invalid", DisplayName = name, Organisation = organisation, IsDisabled = disabled };
            user.Grant(profile, jurisdiction, directory);
            db.Users.Add(user);
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_pilot_finds_active_people_of_the_jurisdiction_by_name_or_organisation_whatever_the_case()
    {
        var mairies = await _store.Queries.PeopleAsync(Sdis77, "mairie");
        Assert.Equal(["Brigitte Marsigny (Mairie de Chelles)"], mairies.Select(p => p.Label));
        Assert.Equal("officier77", Assert.Single(await _store.Queries.PeopleAsync(Sdis77, "MARTIN")).Id);
        Assert.Empty(await _store.Queries.PeopleAsync(Sdis77, "Ancien")); // disabled account
    }

    [Fact]
    public async Task Nobody_outside_the_jurisdiction_is_ever_found()
    {
        Assert.Empty(await _store.Queries.PeopleAsync(MayorOfGuichen, "Chelles"));
        Assert.Empty(await _store.Queries.PeopleAsync(MayorOfGuichen, "Martin"));
        Assert.Empty(await _store.Queries.PeopleAsync(Sdis77, "Guichen"));
        Assert.Equal(["Dominique Delaunay (Mairie de Guichen)"], (await _store.Queries.PeopleAsync(Cogic, "Guichen")).Select(p => p.Label));
    }

    [Fact]
    public async Task Wildcards_typed_are_taken_as_text() => Assert.Empty(await _store.Queries.PeopleAsync(Cogic, "%_"));
}
