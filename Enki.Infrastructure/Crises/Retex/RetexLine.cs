namespace Enki.Infrastructure.Crises.Retex;

/// <summary>What a line of the RETEX timeline is about.</summary>
public enum RetexLineKind
{
    Crisis,
    Incident,
    Information,
    Decision,
    Action,
    Need,
    SituationReport,
    Request,
    Warning,
}

/// <summary>
/// One line of the RETEX timeline with both times, never mixed: when it happened (NexSIS's clock for an
/// incident, the moment of a person's action otherwise) and when Enki learnt it.
/// </summary>
public sealed record RetexLine(DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, RetexLineKind Kind, string Text, string? Author)
{
    /// <summary>Beyond this, a line is flagged as learnt late: the information gap a RETEX looks for.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(5);

    public TimeSpan Delay => RecordedAt - OccurredAt;

    public bool IsLate => Delay > LateAfter;
}

public static class RetexLineKindWords
{
    public static string French(this RetexLineKind kind) => kind switch
    {
        RetexLineKind.Crisis => "Crise",
        RetexLineKind.Incident => "Intervention",
        RetexLineKind.Information => "Information",
        RetexLineKind.Decision => "Décision",
        RetexLineKind.Action => "Action",
        RetexLineKind.Need => "Besoin",
        RetexLineKind.SituationReport => "Point de situation",
        RetexLineKind.Request => "Demande",
        _ => "Avertissement",
    };
}
