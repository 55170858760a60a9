using Enki.Domain.Access;
using Enki.Domain.Crises;
using Enki.Domain.Directory;
using Enki.Domain.Incidents;
using Enki.Domain.Mobilisation;
using Enki.Tests.Support;
using static Enki.Tests.Crises.CrisisViewers;

namespace Enki.Tests.Access;

/// <summary>
/// The access policy cell by cell: each table is written as a person would read it (a row per viewer,
/// a column per decision or object) and every cell is its own test case.
/// </summary>
public sealed class AccessPolicyTests
{
    private static readonly TestTerritoryDirectory Directory = new();
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly Viewer Prefecture35 = new("prefecture35", "Préfecture 35", Profile.Prefecture, Jurisdiction.Department("35"));
    private static readonly Viewer CozOuest = new("coz-ouest", "COZ Ouest", Profile.Coz, Jurisdiction.Zone("OUEST"));
    private static readonly Viewer OtherSdis77Operator = new("sdis77-bis", "Opérateur CODIS 77", Profile.Sdis, Jurisdiction.Department("77"));
    private static readonly Viewer Sdis35 = new("sdis35", "CODIS 35", Profile.Sdis, Jurisdiction.Department("35"));

    private static readonly Dictionary<string, Viewer> Viewers = new[]
    {
        Admin, Cogic, CozParis, CozOuest, Sdis77, OtherSdis77Operator, Sdis35, Prefecture77, Prefecture35, MayorOfChelles, MayorOfGuichen, Partner,
    }.ToDictionary(v => v.Id);

    /// <summary>Expands a table of "X"/"-" rows into one case per cell.</summary>
    private static TheoryData<string, string, bool> Cells(string[] columns, params (string Viewer, string Row)[] rows)
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (viewer, row) in rows)
        {
            var marks = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(columns.Length, marks.Length);
            for (var i = 0; i < columns.Length; i++) data.Add(viewer, columns[i], marks[i] == "X");
        }
        return data;
    }

    // ───────────── What each profile may do at all ─────────────

    private static readonly string[] General = ["administrer", "gérer des comptes", "modifier l'annuaire", "émettre une demande", "ouvrir une crise", "superviser"];

    public static TheoryData<string, string, bool> GeneralCells => Cells(General,
        ("admin",         "X X X X X -"),
        ("cogic",         "- - - X X X"),
        ("coz-paris",     "- - - X X X"),
        ("sdis77",        "- - - X X -"),
        ("prefecture77",  "- X X X X X"),
        ("maire-chelles", "- - - - X -"),
        ("partenaire",    "- - - - - -"));

    [Theory]
    [MemberData(nameof(GeneralCells))]
    public void What_each_profile_may_do_at_all(string viewer, string decision, bool allowed)
    {
        var v = Viewers[viewer];
        var actual = decision switch
        {
            "administrer" => AccessPolicy.MayAdminister(v),
            "gérer des comptes" => AccessPolicy.MayManageAccounts(v),
            "modifier l'annuaire" => AccessPolicy.MayEditDirectory(v),
            "émettre une demande" => AccessPolicy.MayIssueRequests(v),
            "ouvrir une crise" => AccessPolicy.MayOpenCrisis(v),
            _ => AccessPolicy.IsSupervisor(v),
        };
        Assert.Equal(allowed, actual);
    }

    // ───────────── Incidents and callers' personal data ─────────────

    private static readonly string[] Places = ["incident à Chelles", "incident à Guichen", "appelant à Chelles", "appelant à Guichen"];

    public static TheoryData<string, string, bool> IncidentCells => Cells(Places,
        ("admin",         "X X - -"),
        ("cogic",         "X X - -"),
        ("coz-paris",     "X - - -"),
        ("sdis77",        "X - X -"),
        ("sdis35",        "- X - X"),
        ("prefecture77",  "X - - -"),
        ("maire-chelles", "X - - -"),
        ("maire-guichen", "- X - -"),
        ("partenaire",    "X - - -"));

    [Theory]
    [MemberData(nameof(IncidentCells))]
    public void Incidents_and_their_callers(string viewer, string what, bool allowed)
    {
        var v = Viewers[viewer];
        var place = what.EndsWith("Chelles") ? new Territory("77108", "77", "PARIS") : new Territory("35126", "35", "OUEST");
        var caller = new CallerContact("Jeanne Témoin", "Jeanne", "Témoin", "+33600000001", null, "TIERS", "Voisine", null);
        if (what.StartsWith("incident"))
        {
            Assert.Equal(allowed, AccessPolicy.SeesIncident(v, place));
            Assert.Equal(allowed, AccessPolicy.Located<Territory>(v).Compile()(place));
            return;
        }
        Assert.Equal(allowed, AccessPolicy.SeesCaller(v, place));
        var disclosure = AccessPolicy.Caller(v, place, caller);
        // Withheld means the contact is not even handed to the page.
        Assert.Equal(!allowed, disclosure.Reserved);
        Assert.Equal(allowed ? caller : null, disclosure.Contact);
    }

    // ───────────── Crises ─────────────

    /// <summary>The CODIS opened it over Chelles (ORSEC defaults: Chelles's mairie contributes, the préfecture pilots), then named Guichen's mairie as contributor.</summary>
    private static Crisis ChellesCrisis()
    {
        var crisis = Crisis.Open(Sdis77, "Crue de la Marne", CrisisType.Flood, null, [Jurisdiction.Commune("77108")], Now.AddHours(-2), false, Directory, Now);
        crisis.SetParticipant(Sdis77, CrisisParticipant.Organisation(Jurisdiction.Commune("35126"), "Mairie de Guichen", ParticipationRight.Contribution), Now);
        return crisis;
    }

    private static readonly string[] CrisisActions = ["voir", "écrire en main courante", "piloter"];

    public static TheoryData<string, string, bool> CrisisCells => Cells(CrisisActions,
        ("admin",         "X - -"),
        ("cogic",         "X - -"),
        ("coz-paris",     "X - -"),
        ("coz-ouest",     "- - -"),
        ("sdis77",        "X X X"),
        ("sdis77-bis",    "X - -"),
        ("sdis35",        "- - -"),
        ("prefecture77",  "X X X"),
        ("prefecture35",  "- - -"),
        ("maire-chelles", "X X -"),
        ("maire-guichen", "X X -"),
        ("partenaire",    "X - -"));

    [Theory]
    [MemberData(nameof(CrisisCells))]
    public void Crisis_rights(string viewer, string action, bool allowed)
    {
        var v = Viewers[viewer];
        var crisis = ChellesCrisis();
        var actual = action switch
        {
            "voir" => AccessPolicy.SeesCrisis(v, crisis),
            "écrire en main courante" => AccessPolicy.MayWriteLogbook(v, crisis),
            _ => AccessPolicy.HasCrisisRight(v, crisis, ParticipationRight.Lead),
        };
        Assert.Equal(allowed, actual);
        if (action == "voir")
        {
            // The database filter is the same decision.
            Assert.Equal(allowed, AccessPolicy.CrisesVisible(v).Compile()(crisis));
        }
    }

    public static TheoryData<string, string, bool> CrisisOpeningCells => Cells(["commune:77108", "commune:77288", "departement:77", "commune:35126", "zone:PARIS"],
        ("admin",         "X X X X -"),
        ("cogic",         "X X X X -"),
        ("coz-paris",     "X X X - -"),
        ("sdis77",        "X X X - -"),
        ("prefecture77",  "X X X - -"),
        ("maire-chelles", "X - - - -"),
        ("maire-guichen", "- - - X -"),
        ("partenaire",    "- - - - -"));

    [Theory]
    [MemberData(nameof(CrisisOpeningCells))]
    public void Who_opens_a_crisis_over_which_territory(string viewer, string territory, bool allowed)
    {
        var errors = AccessPolicy.CrisisOpeningErrors(Viewers[viewer], [Jurisdiction.Parse(territory)], Directory);
        Assert.Equal(allowed, errors.Count == 0);
    }

    // ───────────── Mobilisation requests ─────────────

    private static MobilisationRequest ChellesRequest() => MobilisationRequest.Issue(new MobilisationDraft
    {
        Object = "Hébergement", ResourceKind = "gymnase", PlaceText = "Chelles", Deadline = Now.AddHours(2), RecipientCommune = "77108",
    }, Sdis77, "SDIS 77", Directory, Now);

    public static TheoryData<string, string> StandingCells => new()
    {
        { "maire-chelles", nameof(RequestStanding.Recipient) },
        { "sdis77", nameof(RequestStanding.Issuer) },
        { "sdis77-bis", nameof(RequestStanding.Issuer) },
        { "prefecture77", nameof(RequestStanding.Supervisor) },
        { "coz-paris", nameof(RequestStanding.Supervisor) },
        { "cogic", nameof(RequestStanding.Supervisor) },
        { "prefecture35", nameof(RequestStanding.None) },
        { "coz-ouest", nameof(RequestStanding.None) },
        { "sdis35", nameof(RequestStanding.None) },
        { "maire-guichen", nameof(RequestStanding.None) },
        { "admin", nameof(RequestStanding.None) },
        { "partenaire", nameof(RequestStanding.None) },
    };

    [Theory]
    [MemberData(nameof(StandingCells))]
    public void Where_each_viewer_stands_towards_a_request_from_the_SDIS_to_Chelles(string viewer, string standing)
    {
        var v = Viewers[viewer];
        var request = ChellesRequest();

        Assert.Equal(standing, AccessPolicy.Standing(v, request).ToString());
        var sees = standing != nameof(RequestStanding.None);
        Assert.Equal(sees, AccessPolicy.SeesRequest(v, request));
        Assert.Equal(sees, AccessPolicy.RequestsVisibleTo(v).Compile()(request));
        Assert.Equal(standing == nameof(RequestStanding.Supervisor), AccessPolicy.RequestsSupervisedBy(v).Compile()(request));
        // Supervisors read, they never act.
        if (standing is nameof(RequestStanding.Supervisor) or nameof(RequestStanding.None))
        {
            Assert.Empty(AccessPolicy.RequestActions(v, request));
            Assert.All(Enum.GetValues<MobilisationAction>(), a => Assert.False(AccessPolicy.MayTake(v, request, a)));
        }
    }

    [Fact]
    public void Each_action_belongs_to_one_side()
    {
        var request = ChellesRequest();
        Assert.Equal([MobilisationAction.Receive], AccessPolicy.RequestActions(MayorOfChelles, request));
        Assert.Equal([MobilisationAction.Cancel], AccessPolicy.RequestActions(OtherSdis77Operator, request));
        Assert.True(AccessPolicy.MayTake(MayorOfChelles, request, MobilisationAction.Accept));
        Assert.False(AccessPolicy.MayTake(MayorOfChelles, request, MobilisationAction.Cancel));
        Assert.True(AccessPolicy.MayTake(Sdis77, request, MobilisationAction.Cancel));
        Assert.False(AccessPolicy.MayTake(Sdis77, request, MobilisationAction.Accept));
    }

    // ───────────── Directory ─────────────

    public static TheoryData<string, string, bool> DirectoryCells => Cells(["Chelles", "Seine-et-Marne", "Guichen", "national"],
        ("admin",         "X X X X"),
        ("cogic",         "- - - -"),
        ("sdis77",        "- - - -"),
        ("prefecture77",  "X X - -"),
        ("prefecture35",  "- - X -"),
        ("maire-chelles", "- - - -"));

    [Theory]
    [MemberData(nameof(DirectoryCells))]
    public void Who_edits_which_organisation(string viewer, string territory, bool allowed)
    {
        var place = territory switch
        {
            "Chelles" => new Territory("77108", "77", "PARIS"),
            "Seine-et-Marne" => new Territory(null, "77", "PARIS"),
            "Guichen" => new Territory("35126", "35", "OUEST"),
            _ => Territory.Nowhere,
        };
        var v = Viewers[viewer];
        Assert.Equal(allowed, AccessPolicy.MayEditOrganisation(v, place));
        if (!allowed) Assert.NotEmpty(AccessPolicy.DirectoryRefusal(v));
    }

    public static TheoryData<string, string, bool> OrganisationVisibilityCells => Cells(["mairie de Chelles", "préfecture 77", "zone Paris", "national", "mairie de Guichen", "préfecture 35"],
        ("admin",         "X X X X X X"),
        ("coz-paris",     "X X X X - -"),
        ("prefecture77",  "X X X X - -"),
        ("maire-chelles", "X X X X - -"),
        ("maire-guichen", "- - - X X X"));

    [Theory]
    [MemberData(nameof(OrganisationVisibilityCells))]
    public void Who_sees_which_organisation(string viewer, string organisation, bool visible)
    {
        var territory = organisation switch
        {
            "mairie de Chelles" => Jurisdiction.Commune("77108"),
            "préfecture 77" => Jurisdiction.Department("77"),
            "zone Paris" => Jurisdiction.Zone("PARIS"),
            "national" => Jurisdiction.National,
            "mairie de Guichen" => Jurisdiction.Commune("35126"),
            _ => Jurisdiction.Department("35"),
        };
        var details = new OrganisationDetails(organisation, OrganisationKind.TownHall, territory, "01 60 00 00 00", null, null).Check(Directory);
        Assert.True(details.IsValid, string.Join(" ", details.Errors));
        var item = Organisation.Create(Guid.NewGuid(), details.Value!, Directory, Now);
        Assert.Equal(visible, AccessPolicy.SeesOrganisation(Viewers[viewer], item, Directory));
    }

    // ───────────── Accounts: who hands out what, never to oneself ─────────────

    public static TheoryData<string, string, bool> GrantableCells => Cells(Enum.GetNames<Profile>(),
        ("admin",         "X X X X X X"),
        ("prefecture77",  "X X X - - -"),
        ("sdis77",        "- - - - - -"),
        ("cogic",         "- - - - - -"),
        ("maire-chelles", "- - - - - -"));

    [Theory]
    [MemberData(nameof(GrantableCells))]
    public void Which_profiles_each_may_hand_out(string granter, string profile, bool grantable)
    {
        Assert.Equal(grantable, AccessPolicy.GrantableProfiles(Viewers[granter]).Contains(Enum.Parse<Profile>(profile)));
    }

    public static TheoryData<string, string, bool> SelfCells => Cells(["son propre compte", "un autre compte"],
        ("admin",         "- X"),
        ("prefecture77",  "- X"),
        ("sdis77",        "- -"),
        ("maire-chelles", "- -"));

    [Theory]
    [MemberData(nameof(SelfCells))]
    public void Nobody_changes_their_own_access(string viewer, string account, bool allowed)
    {
        var v = Viewers[viewer];
        var id = account == "son propre compte" ? v.Id : "quelqu-un-d-autre";
        Assert.Equal(allowed, AccessPolicy.MayChangeAccessOf(v, id));
        // The grant check holds the same line, whatever profile is asked for.
        var errors = AccessPolicy.GrantErrors(v, id, Profile.Sdis, Jurisdiction.Department("77"), Directory);
        Assert.Equal(allowed, errors.Count == 0);
        if (account == "son propre compte" && AccessPolicy.MayManageAccounts(v))
        {
            Assert.Equal([AccessPolicy.SelfAccessRefusal], errors);
        }
    }
}
