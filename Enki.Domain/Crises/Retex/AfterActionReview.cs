using Enki.Domain.Access;

namespace Enki.Domain.Crises.Retex;

/// <summary>
/// The hand-written part of a crisis's after-action review (RETEX): its strong points, what to improve
/// and the corrective actions, edited by the crisis's pilots until one of them freezes it; frozen, it
/// never changes again. The timeline and figures are not stored: they are read from what happened.
/// </summary>
public sealed class AfterActionReview
{
    public const int TextMaxLength = 4000;
    public const int MaxActions = 50;

    private List<CorrectiveAction> _actions = [];

    private AfterActionReview()
    {
        // For the store.
        UpdatedById = UpdatedByName = null!;
    }

    public Guid CrisisId { get; private set; }

    /// <summary>Changed by each edit and the freeze: of two pilots saving at once, the second is told.</summary>
    public Guid Version { get; private set; }

    /// <summary>« Points forts ».</summary>
    public string Strengths { get; private set; } = "";

    /// <summary>« Axes d'amélioration ».</summary>
    public string Improvements { get; private set; } = "";

    /// <summary>« Actions correctives ».</summary>
    public IReadOnlyList<CorrectiveAction> Actions => _actions;

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedById { get; private set; }

    public string UpdatedByName { get; private set; }

    public DateTimeOffset? FrozenAt { get; private set; }

    public string? FrozenById { get; private set; }

    public string? FrozenByName { get; private set; }

    public bool IsFrozen => FrozenAt is not null;

    /// <summary>A review not written yet: empty headings, nobody's work.</summary>
    public static AfterActionReview Start(Guid crisisId, Viewer pilot, DateTimeOffset now) => new()
    {
        CrisisId = crisisId, Version = Guid.NewGuid(), UpdatedAt = now, UpdatedById = pilot.Id, UpdatedByName = pilot.Name,
    };

    /// <exception cref="CrisisRefused">Frozen, a text too long, an action without text or owner, too many actions.</exception>
    public void Edit(string? strengths, string? improvements, IEnumerable<CorrectiveAction> actions, Viewer pilot, DateTimeOffset now)
    {
        RefuseIfFrozen();
        strengths = strengths?.Trim() ?? "";
        improvements = improvements?.Trim() ?? "";
        if (strengths.Length > TextMaxLength || improvements.Length > TextMaxLength)
        {
            throw new CrisisRefused($"Chaque rubrique tient en {TextMaxLength} caractères.");
        }
        var cleaned = actions.Select(a => a with { Text = a.Text?.Trim() ?? "", Owner = a.Owner?.Trim() ?? "" })
            .Where(a => a.Text.Length > 0 || a.Owner.Length > 0).ToList();
        if (cleaned.Count > MaxActions) throw new CrisisRefused($"Au plus {MaxActions} actions correctives.");
        foreach (var action in cleaned)
        {
            if (action.Text.Length == 0) throw new CrisisRefused("Chaque action corrective dit ce qu'il faut faire.");
            if (action.Owner.Length == 0) throw new CrisisRefused($"L'action « {action.Text} » n'a pas de responsable.");
            if (action.Text.Length > CorrectiveAction.TextMaxLength || action.Owner.Length > CorrectiveAction.OwnerMaxLength)
            {
                throw new CrisisRefused($"L'action « {Cut(action.Text)} » est trop longue.");
            }
        }
        Strengths = strengths;
        Improvements = improvements;
        _actions = cleaned;
        Touch(pilot, now);
    }

    /// <exception cref="CrisisRefused">Already frozen.</exception>
    public void Freeze(Viewer pilot, DateTimeOffset now)
    {
        RefuseIfFrozen();
        FrozenAt = now;
        FrozenById = pilot.Id;
        FrozenByName = pilot.Name;
        Touch(pilot, now);
    }

    private void Touch(Viewer pilot, DateTimeOffset now)
    {
        Version = Guid.NewGuid();
        UpdatedAt = now;
        UpdatedById = pilot.Id;
        UpdatedByName = pilot.Name;
    }

    private void RefuseIfFrozen()
    {
        if (FrozenAt is { } at) throw new CrisisRefused($"Le RETEX a été figé par {FrozenByName} ({at:dd/MM/yyyy HH:mm} UTC) : il ne se modifie plus.");
    }

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
