using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Tests.Support;
using static Enki.Tests.Crises.CrisisViewers;

namespace Enki.Tests.Crises;

/// <summary>Who may open a crisis over which territory, who may change it, and its lifecycle.</summary>
public sealed class CrisisRulesTests
{
    private static readonly TestTerritoryDirectory Directory = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly Jurisdiction Chelles = Jurisdiction.Commune("77108");
    private static readonly Jurisdiction Guichen = Jurisdiction.Commune("35126");
    private static readonly Jurisdiction SeineEtMarne = Jurisdiction.Department("77");

    private static Crisis Open(Viewer creator, params Jurisdiction[] territories) =>
        Crisis.Open(creator, "Crue de la Marne", CrisisType.Flood, null, territories, Now.AddHours(-2), false, Directory, Now);

    public static TheoryData<string, string, bool> Creations => new()
    {
        { "sdis77", "commune:77108", true },
        { "sdis77", "departement:77", true },
        { "sdis77", "commune:35126", false },
        { "prefecture77", "departement:77", true },
        { "prefecture77", "departement:35", false },
        { "coz-paris", "departement:75", true },
        { "coz-paris", "commune:35126", false },
        { "cogic", "commune:35126", true },
        { "admin", "departement:35", true },
        { "maire-chelles", "commune:77108", true },
        { "maire-chelles", "commune:77288", false },
        { "maire-chelles", "departement:77", false },
        { "maire-guichen", "commune:77108", false },
        { "partenaire", "commune:77108", false },
    };

    [Theory]
    [MemberData(nameof(Creations))]
    public void Creation_rights_follow_profile_and_territory(string viewerId, string territory, bool allowed)
    {
        var viewer = new[] { Sdis77, Prefecture77, CozParis, Cogic, Admin, MayorOfChelles, MayorOfGuichen, Partner }.Single(v => v.Id == viewerId);

        var errors = AccessPolicy.CrisisOpeningErrors(viewer, [Jurisdiction.Parse(territory)], Directory);

        Assert.Equal(allowed, errors.Count == 0);
        if (!allowed)
        {
            Assert.Throws<CrisisRefused>(() => Open(viewer, Jurisdiction.Parse(territory)));
        }
    }

    [Fact]
    public void A_zone_or_the_whole_country_is_not_a_crisis_territory()
    {
        Assert.NotEmpty(AccessPolicy.CrisisOpeningErrors(Cogic, [Jurisdiction.Zone("PARIS")], Directory));
        Assert.NotEmpty(AccessPolicy.CrisisOpeningErrors(Cogic, [], Directory));
    }

    [Fact]
    public void The_creator_pilots_and_the_territory_gives_reading_only()
    {
        var crisis = Open(Sdis77, Chelles);

        Assert.Equal(ParticipationRight.Lead, AccessPolicy.CrisisRight(Sdis77, crisis));
        // ORSEC defaults: the mairie contributes, the préfecture pilots; another SDIS operator only reads.
        Assert.Equal(ParticipationRight.Contribution, AccessPolicy.CrisisRight(MayorOfChelles, crisis));
        Assert.Equal(ParticipationRight.Lead, AccessPolicy.CrisisRight(Prefecture77, crisis));
        Assert.Equal(ParticipationRight.Read, AccessPolicy.CrisisRight(new Viewer("sdis77-bis", "Opérateur CODIS 77", Profile.Sdis, SeineEtMarne), crisis));
        Assert.Null(AccessPolicy.CrisisRight(MayorOfGuichen, crisis));
        Assert.False(AccessPolicy.SeesCrisis(MayorOfGuichen, crisis));
        var refused = Assert.Throws<CrisisRefused>(() => crisis.End(MayorOfChelles, Now, Now));
        Assert.Contains("pilotes", refused.Message);
    }

    [Fact]
    public void A_participant_outside_the_territory_sees_it_with_their_right()
    {
        var crisis = Open(Sdis77, Chelles);

        crisis.SetParticipant(Sdis77, CrisisParticipant.Organisation(Guichen, "Mairie de Guichen", ParticipationRight.Contribution), Now);

        Assert.Equal(ParticipationRight.Contribution, AccessPolicy.CrisisRight(MayorOfGuichen, crisis));
        Assert.True(AccessPolicy.HasCrisisRight(MayorOfGuichen, crisis, ParticipationRight.Contribution));
        Assert.False(AccessPolicy.HasCrisisRight(MayorOfGuichen, crisis, ParticipationRight.Lead));
    }

    [Fact]
    public void The_last_pilot_cannot_be_demoted()
    {
        var crisis = Open(Sdis77, SeineEtMarne);

        Assert.Throws<CrisisRefused>(() => crisis.SetParticipant(Sdis77, CrisisParticipant.Person(Sdis77, ParticipationRight.Read), Now));
        Assert.Equal(ParticipationRight.Lead, AccessPolicy.CrisisRight(Sdis77, crisis));
    }

    [Fact]
    public void Ending_requires_an_end_time_not_before_the_start()
    {
        var crisis = Open(Sdis77, Chelles);

        Assert.Equal("Indiquez l'heure de fin de la crise.", Assert.Throws<CrisisRefused>(() => crisis.End(Sdis77, null, Now)).Message);
        Assert.Throws<CrisisRefused>(() => crisis.End(Sdis77, crisis.StartedAt.AddMinutes(-1), Now));
        Assert.Equal(CrisisStatus.Ongoing, crisis.Status);

        crisis.End(Sdis77, Now, Now);

        Assert.Equal(CrisisStatus.Ended, crisis.Status);
        Assert.Equal(Now, crisis.EndedAt);
    }

    [Fact]
    public void Lifecycle_table_allows_end_and_reopen_and_refuses_the_rest_in_french()
    {
        Assert.True(CrisisLifecycle.CanMove(CrisisStatus.Ongoing, CrisisStatus.Ended));
        Assert.True(CrisisLifecycle.CanMove(CrisisStatus.Ended, CrisisStatus.Ongoing));
        Assert.False(CrisisLifecycle.CanMove(CrisisStatus.Ongoing, CrisisStatus.Ongoing));
        Assert.False(CrisisLifecycle.CanMove(CrisisStatus.Ended, CrisisStatus.Ended));

        var crisis = Open(Sdis77, Chelles);
        crisis.End(Sdis77, Now, Now);
        var refused = Assert.Throws<CrisisRefused>(() => crisis.End(Sdis77, Now, Now));
        Assert.Equal("Une crise « Terminée » ne peut pas passer à « Terminée ».", refused.Message);
        Assert.Throws<CrisisRefused>(() => Open(Sdis77, Chelles).Reopen(Sdis77, Now));

        crisis.Reopen(Sdis77, Now);
        Assert.Equal(CrisisStatus.Ongoing, crisis.Status);
        Assert.Null(crisis.EndedAt);
    }

    [Fact]
    public void Attaching_needs_contribution_and_is_idempotent()
    {
        var crisis = Open(Sdis77, SeineEtMarne);
        var incident = Guid.NewGuid();

        Assert.Throws<CrisisRefused>(() => crisis.AttachIncident(MayorOfChelles, incident, Now));
        Assert.True(crisis.AttachIncident(Sdis77, incident, Now));
        Assert.False(crisis.AttachIncident(Sdis77, incident, Now));
        Assert.Equal([incident], crisis.IncidentIds);
        Assert.True(crisis.DetachIncident(Sdis77, incident, Now));
        Assert.Empty(crisis.IncidentIds);
    }

    [Fact]
    public void Every_type_maps_to_nature_families()
    {
        Assert.Contains("C08", CrisisType.Flood.NatureFamilies());
        Assert.Equal(["C08", "C09", "C07"], CrisisType.Storm.NatureFamilies());
        Assert.All(Enum.GetValues<CrisisType>(), t => Assert.NotEmpty(t.NatureFamilies()));
    }
}
