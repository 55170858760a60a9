using Enki.Domain.Geography;
using Enki.Infrastructure.Exports;

namespace Enki.Infrastructure.Crises.Retex;

/// <summary>
/// The RETEX as a workbook: the timeline with both times and the gap between them, the figures at each hour
/// on both clocks, the requests and their outcome, the warnings and their acknowledgement, and the pilots'
/// headings. Times are real dates in the territory's local time.
/// </summary>
public static class RetexXlsx
{
    public const string Timeline = "Chronologie";
    public const string Hours = "Chiffres par heure";
    public const string Requests = "Demandes";
    public const string Warnings = "Avertissements";
    public const string Review = "Retour d'expérience";

    public static byte[] Write(RetexDocument retex)
    {
        var department = retex.DepartmentCode;
        object? Local(DateTimeOffset? at) => at is { } value ? TerritoryClock.Local(value, department).DateTime : null;
        return XlsxWorkbook.Write(
            new XlsxSheet(Timeline, ["Survenu", "Connu d'Enki", "Écart (min)", "Type", "Texte", "Auteur"], [20, 20, 12, 18, 90, 36],
                retex.Timeline.Select(l => Row(Local(l.OccurredAt), Local(l.RecordedAt), (int)Math.Round(l.Delay.TotalMinutes), l.Kind.French(), l.Text, l.Author))),
            new XlsxSheet(Hours,
                ["Heure", "En cours (connu)", "En cours (réel)", "UA (connu)", "UA (réel)", "UR (connu)", "UR (réel)",
                    "Décédés (connu)", "Décédés (réel)", "Évacués (connu)", "Évacués (réel)"],
                [20, 16, 16, 12, 12, 12, 12, 16, 16, 16, 16],
                retex.Hours.Select(h => Row(Local(h.At), h.Known.InProgress, h.Actual.InProgress, h.Known.Red, h.Actual.Red, h.Known.Yellow,
                    h.Actual.Yellow, h.Known.Deceased, h.Actual.Deceased, h.Known.Evacuated, h.Actual.Evacuated))),
            new XlsxSheet(Requests, ["Émise le", "Objet", "Émetteur", "Destinataire", "Échéance", "Issue", "Close le"], [20, 50, 30, 30, 20, 50, 20],
                retex.Requests.Select(r => Row(Local(r.IssuedAt), r.Object, r.IssuerName, r.RecipientName, Local(r.Deadline), r.Outcome, Local(r.ClosedAt)))),
            new XlsxSheet(Warnings, ["Survenu", "Levé le", "Avertissement", "Règle", "Urgent", "Acquitté le", "Acquitté par", "Escalades"],
                [20, 20, 70, 30, 10, 20, 30, 12],
                retex.Warnings.Select(w => Row(Local(w.OccurredAt), Local(w.RaisedAt), w.Title, w.RuleName, w.Urgent ? "oui" : "non",
                    Local(w.AcknowledgedAt), w.AcknowledgedByName ?? "non acquitté", w.EscalationLevel))),
            new XlsxSheet(Review, ["Rubrique", "Texte", "Responsable", "Échéance"], [26, 90, 30, 14], ReviewRows(retex)));
    }

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    private static IEnumerable<IReadOnlyList<object?>> ReviewRows(RetexDocument retex)
    {
        yield return Row("État", RetexState.Of(retex));
        yield return Row("Points forts", retex.Strengths);
        yield return Row("Axes d'amélioration", retex.Improvements);
        foreach (var action in retex.Actions)
        {
            yield return Row("Action corrective", action.Text, action.Owner, action.Deadline?.ToString("dd/MM/yyyy") ?? "");
        }
    }
}
