using Enki.Domain.Access;
using Enki.Domain.Events;
using Enki.Domain.Incidents;
using Enki.Domain.Indicators;
using Enki.Domain.Mobilisation;
using Enki.Domain.Vigilance;

namespace Enki.Domain.Warnings;

/// <summary>
/// Pure evaluation of the rules over one event of the stream: the warnings it raises. Exercises raise
/// nothing; one event raises at most one warning per owner (its urgent rule first), so a mayor told of
/// an urgence absolue is not told again by the « any victim » rule for the same change.
/// </summary>
public static class WarningEvaluation
{
    public static IReadOnlyList<WarningDraft> Evaluate(IEnumerable<WarningRule> rules, DomainEvent happened, IWarningFacts facts)
    {
        if (happened.IsExercise()) return [];
        return rules
            .Where(r => r.Enabled)
            .Select(r => Match(r, happened, facts))
            .OfType<WarningDraft>()
            .GroupBy(d => d.Rule.Owner)
            .Select(owner => owner.OrderByDescending(d => d.Rule.Urgent).ThenBy(d => d.Rule.CreatedAt).First())
            .ToList();
    }

    /// <summary>The warning one rule asks for on one event; null when it does not match.</summary>
    public static WarningDraft? Match(WarningRule rule, DomainEvent happened, IWarningFacts facts)
    {
        if (rule.Kind == WarningRuleKind.Vigilance || happened is VigilanceChanged)
        {
            return rule.Enabled && rule.Kind == WarningRuleKind.Vigilance && happened is VigilanceChanged changed ? MatchVigilance(rule, changed, facts) : null;
        }
        if (!rule.Enabled || happened.IsExercise() || happened.Territory() is not { } where || !rule.Territory.Covers(where)) return null;
        return (rule.Kind, happened) switch
        {
            (WarningRuleKind.NewIncident, IncidentOpened opened) when OfFamilies(rule, opened.NatureFamily) =>
                Draft(rule, $"Nouvelle intervention à {facts.CommuneName(opened.Incident.CommuneCode)}", opened.NatureLabel, opened),
            (WarningRuleKind.Victims, IncidentVictimsChanged changed) when rule.Thresholds.FirstOrDefault(t => t.CrossedBy(changed.Previous, changed.Victims)) is { } crossed =>
                Draft(rule, $"Victimes à {facts.CommuneName(changed.Incident.CommuneCode)} : {crossed.French}", VictimsInWords(changed.Victims), changed),
            (WarningRuleKind.IncidentBurst, IncidentOpened opened)
                when facts.IncidentsOpenedWithinHour(rule.Territory, opened.OccurredAt) is var count && count >= rule.BurstCount
                     && !facts.RaisedWithinHour(rule.Id, opened.OccurredAt) =>
                new WarningDraft(rule, $"{count} interventions en une heure : {rule.Territory.Label}",
                    $"Seuil de la règle : {rule.BurstCount} par heure.", WarningSubjectKind.Territory, null, PlaceOf(rule.Territory, opened.Incident), opened.OccurredAt),
            (WarningRuleKind.UnusualHour, IncidentOpened opened) when UnusualHour(rule, opened, facts) is { } departure =>
                new WarningDraft(rule, $"Heure inhabituelle : {rule.Territory.Label}",
                    $"{departure.Observed} interventions en une heure, contre {departure.Baseline:0.#} en moyenne à la même heure " +
                    $"les {IndicatorCatalogue.BaselineWeeks} semaines précédentes (seuil {departure.Threshold}, 99e centile d'une loi de Poisson).",
                    WarningSubjectKind.Territory, null, PlaceOf(rule.Territory, opened.Incident), opened.OccurredAt),
            (WarningRuleKind.MobilisationReceived, MobilisationRequestIssued issued) =>
                Draft(rule, $"Demande de mobilisation pour {issued.Request.RecipientName}", issued.Request.Object, issued),
            (WarningRuleKind.MobilisationOverdue, MobilisationRequestOverdue overdue) =>
                Draft(rule, $"Demande en retard : {overdue.Request.RecipientName}", overdue.Request.Object, overdue),
            _ => null,
        };
    }

    /// <summary>
    /// A vigilance reaching the rule's colour over its territory. A commune's rule hears of its department's
    /// weather vigilance and of a river section crossing the commune: vigilance is published by department.
    /// </summary>
    private static WarningDraft? MatchVigilance(WarningRule rule, VigilanceChanged changed, IWarningFacts facts)
    {
        if (!changed.Reaches(rule.VigilanceAtLeast ?? VigilanceColour.Orange)) return null;
        var vigilance = changed.Vigilance;
        var concerned = rule.Territory.Kind == JurisdictionKind.Commune
            ? vigilance.Concerns(facts.DepartmentOfCommune(rule.Territory.Code!), rule.Territory.Code)
            : rule.Territory.Covers(changed.Territory());
        if (!concerned) return null;
        return new WarningDraft(rule, $"Vigilance {vigilance.Words}",
            $"{vigilance.Source.French()} : {vigilance.PhenomenonLabel} passe de {changed.Previous.French()} à {vigilance.Colour.French()} ({vigilance.AreaLabel}).",
            WarningSubjectKind.Territory, null,
            new WarningPlace(rule.Territory.Kind == JurisdictionKind.Commune ? rule.Territory.Code : null, vigilance.DepartmentCode, vigilance.ZoneCode),
            changed.OccurredAt);
    }

    /// <summary>
    /// The indicators' departure from normal over the rule's territory, for the hour ending with this opening: flagged
    /// above the Poisson quantile of the previous weeks' mean, at most once an hour. One incident alone is never an
    /// unusual hour (a quiet commune's baseline of 0 would flag each one: « nouvelle intervention » says that).
    /// </summary>
    private static Departure? UnusualHour(WarningRule rule, IncidentOpened opened, IWarningFacts facts)
    {
        var observed = facts.IncidentsOpenedWithinHour(rule.Territory, opened.OccurredAt);
        if (observed < 2) return null;
        var departure = Departure.Assess(observed, facts.IncidentsOpenedWithinHourWeeksBefore(rule.Territory, opened.OccurredAt, IndicatorCatalogue.BaselineWeeks));
        return departure.Flagged && !facts.RaisedWithinHour(rule.Id, opened.OccurredAt) ? departure : null;
    }

    /// <summary>The counts that are not zero, most serious first: « 1 décédé, 2 urgences absolues ».</summary>
    public static string VictimsInWords(IncidentVictims v)
    {
        var parts = new[]
        {
            (v.Deceased, "décédé", "décédés"), (v.Red, "urgence absolue", "urgences absolues"), (v.Yellow, "urgence relative", "urgences relatives"),
            (v.Green, "impliqué", "impliqués"), (v.Missing, "disparu", "disparus"),
        }.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {(p.Item1 == 1 ? p.Item2 : p.Item3)}").ToList();
        return parts.Count == 0 ? "Aucune victime dénombrée." : string.Join(", ", parts);
    }

    private static bool OfFamilies(WarningRule rule, string family) => rule.NatureFamilies.Count == 0 || rule.NatureFamilies.Contains(family);

    private static WarningDraft Draft(WarningRule rule, string title, string detail, DomainEvent happened)
    {
        var where = happened.Territory()!;
        var kind = happened is MobilisationEvent ? WarningSubjectKind.MobilisationRequest : WarningSubjectKind.Incident;
        return new WarningDraft(rule, title, detail, kind, happened.SubjectId(), new(where.CommuneCode, where.DepartmentCode, where.ZoneCode), happened.OccurredAt);
    }

    /// <summary>A burst is about the rule's territory, not one commune: keep only the codes at or above its level.</summary>
    private static WarningPlace PlaceOf(Jurisdiction territory, ILocatedInTerritory where) => territory.Kind switch
    {
        JurisdictionKind.Commune => new(where.CommuneCode, where.DepartmentCode, where.ZoneCode),
        JurisdictionKind.Department => new(null, where.DepartmentCode, where.ZoneCode),
        JurisdictionKind.Zone => new(null, null, where.ZoneCode),
        _ => new(null, null, null),
    };
}
