using Enki.Domain.Access;
using Enki.Domain.Incidents;
using Enki.Domain.Mobilisation;
using Enki.Domain.Warnings;
using Enki.Tests.Support;

namespace Enki.Tests.Warnings;

/// <summary>Rules, events and facts the warnings' tests share: Chelles (77108) and Guichen (35126), their préfectures.</summary>
internal static class WarningSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    public static readonly TestTerritoryDirectory Territories = new();
    public static readonly Jurisdiction Chelles = Jurisdiction.Commune("77108");
    public static readonly Jurisdiction Guichen = Jurisdiction.Commune("35126");
    public static readonly WarningOwner MairieChelles = WarningOwner.Organisation(Profile.Mayor, Chelles);
    public static readonly WarningOwner Prefecture77 = WarningOwner.Organisation(Profile.Prefecture, Jurisdiction.Department("77"));
    public static readonly ChannelSpec[] InAppOnly = [new(WarningChannel.InApp, Interrupts: false)];
    public static readonly ChannelSpec[] InAppAndSms = [new(WarningChannel.InApp, false), new(WarningChannel.Sms, Interrupts: true)];

    public static WarningRule Rule(WarningOwner owner, WarningRuleSettings settings) => WarningRule.Create(owner, settings, Territories, Now);

    public static WarningRule VictimsRule(WarningOwner owner, Jurisdiction territory, bool urgent, params VictimThreshold[] thresholds) =>
        Rule(owner, new("victimes", WarningRuleKind.Victims, territory, urgent, Thresholds: thresholds));

    public static IncidentSubject Incident(string commune = "77108", bool exercise = false) =>
        new(Guid.NewGuid(), "CASE-1", commune, commune[..2], commune.StartsWith("35") ? "OUEST" : "PARIS", exercise, IncidentStatus.InProgress);

    public static IncidentVictims Victims(int red = 0, int yellow = 0, int green = 0, int deceased = 0) => new(null, red, yellow, green, deceased, 0, 0, 0);

    public static IncidentVictimsChanged VictimsChanged(IncidentVictims before, IncidentVictims after, string commune = "77108", bool exercise = false) =>
        new(Incident(commune, exercise), Now, before, after);

    public static IncidentOpened Opened(string family = "C04", string commune = "77108", DateTimeOffset? at = null) =>
        new(Incident(commune), at ?? Now, family + ".01.01", family, "Feu de forêt", at ?? Now, at ?? Now);

    public static MobilisationRequestIssued RequestIssued(string commune = "77108") =>
        new(new MobilisationSubject(Guid.NewGuid(), "Ouvrir un gymnase", MobilisationRecipient.Commune(commune), "Chelles", "sdis77-id", Profile.Sdis,
            "departement:77", null, commune, commune[..2], "PARIS"), MobilisationStatus.Issued, "CODIS 77", Now);

    public static Warning Raised(WarningRule rule, params WarningAccount[] accounts) =>
        Warning.Raise(WarningEvaluation.Match(rule, VictimsChanged(IncidentVictims.None, Victims(red: 1)), new FakeFacts())!, 42, "Mairie de Chelles",
            accounts, InAppOnly, Now);
}

/// <summary>Hand-set facts for the evaluator.</summary>
internal sealed class FakeFacts : IWarningFacts
{
    public int OpenedWithinHour { get; set; }

    public HashSet<Guid> RaisedRecently { get; } = [];

    /// <summary>The previous weeks' counts for the same hour, the previous week first.</summary>
    public int[] OpenedWeeksBefore { get; set; } = [0, 0, 0, 0];

    public int IncidentsOpenedWithinHour(Jurisdiction territory, DateTimeOffset at) => OpenedWithinHour;

    public IReadOnlyList<int> IncidentsOpenedWithinHourWeeksBefore(Jurisdiction territory, DateTimeOffset at, int weeks) => OpenedWeeksBefore[..weeks];

    public bool RaisedWithinHour(Guid ruleId, DateTimeOffset at) => RaisedRecently.Contains(ruleId);

    public string CommuneName(string communeCode) => communeCode == "77108" ? "Chelles" : communeCode;

    public string? DepartmentOfCommune(string communeCode) => communeCode[..2];
}
