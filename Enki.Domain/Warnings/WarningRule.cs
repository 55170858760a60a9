using Enki.Domain.Access;
using Enki.Domain.Vigilance;

namespace Enki.Domain.Warnings;

/// <summary>
/// A standing instruction: « warn me (or my service) when… ». Owned by an organisation or a person and
/// always inside the owner's jurisdiction, checked here whoever asks.
/// </summary>
public sealed class WarningRule
{
    public static readonly TimeSpan DefaultUrgentEscalation = TimeSpan.FromMinutes(10);

    private WarningRule() { }

    public Guid Id { get; private set; }

    public WarningOwner Owner
    {
        get => new(OwnerKind, OwnerCode, Jurisdiction.Parse(OwnerJurisdiction), OwnerProfile);
        private set => (OwnerKind, OwnerCode, OwnerJurisdiction, OwnerProfile) = (value.Kind, value.Code, value.Jurisdiction.ToString(), value.Profile);
    }

    // The owner as stored: its kind and code (organisation key or account id), jurisdiction and profile.
    public WarningOwnerKind OwnerKind { get; private set; }

    public string OwnerCode { get; private set; } = "";

    public string OwnerJurisdiction { get; private set; } = "national";

    public Profile OwnerProfile { get; private set; }

    public string Name { get; private set; } = "";

    public WarningRuleKind Kind { get; private set; }

    public Jurisdiction Territory { get; private set; } = Jurisdiction.National;

    public bool Urgent { get; private set; }

    public bool Enabled { get; private set; }

    public IReadOnlyList<string> NatureFamilies { get; private set; } = [];

    public IReadOnlyList<VictimThreshold> Thresholds { get; private set; } = [];

    public int? BurstCount { get; private set; }

    public TimeSpan? EscalationDelay { get; private set; }

    /// <summary>For a vigilance rule: the colour that raises it (orange or red).</summary>
    public VigilanceColour? VigilanceAtLeast { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>How long an unacknowledged warning of this rule waits before escalating; null: it does not escalate.</summary>
    public TimeSpan? EffectiveEscalationDelay => EscalationDelayWith(DefaultUrgentEscalation);

    /// <summary>The rule's own delay, else <paramref name="urgentDefault"/> when it is urgent, else none.</summary>
    public TimeSpan? EscalationDelayWith(TimeSpan urgentDefault) => EscalationDelay ?? (Urgent ? urgentDefault : null);

    public static WarningRule Create(WarningOwner owner, WarningRuleSettings settings, ITerritoryDirectory directory, DateTimeOffset now)
    {
        var rule = new WarningRule { Id = Guid.NewGuid(), Owner = owner, CreatedAt = now };
        rule.Apply(settings, directory, now);
        return rule;
    }

    public void Change(WarningRuleSettings settings, ITerritoryDirectory directory, DateTimeOffset now) => Apply(settings, directory, now);

    private void Apply(WarningRuleSettings settings, ITerritoryDirectory directory, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(settings.Name)) throw new WarningRefused("Donnez un nom à la règle.");
        if (!Owner.Jurisdiction.Includes(settings.Territory, directory))
        {
            throw new WarningRefused($"Le territoire « {settings.Territory.Label} » est hors du périmètre ({Owner.Jurisdiction.Label}).");
        }
        var families = (settings.NatureFamilies ?? []).Select(f => f.Trim().ToUpperInvariant()).Where(f => f.Length > 0).Distinct().ToList();
        if (families.Any(f => f.Length != 3 || f[0] != 'C' || !char.IsAsciiDigit(f[1]) || !char.IsAsciiDigit(f[2])))
        {
            throw new WarningRefused("Une famille de nature s'écrit C01 à C11.");
        }
        var thresholds = (settings.Thresholds ?? []).ToList();
        if (settings.Kind == WarningRuleKind.Victims && thresholds.Count == 0) throw new WarningRefused("Indiquez au moins un seuil de victimes.");
        if (thresholds.Any(t => t.AtLeast < 1)) throw new WarningRefused("Un seuil de victimes vaut au moins 1.");
        if (settings.Kind == WarningRuleKind.IncidentBurst && settings.BurstCount is not (>= 2 and <= 10_000))
        {
            throw new WarningRefused("Indiquez un nombre d'interventions par heure d'au moins 2.");
        }
        if (settings.EscalationDelay is { } delay && (delay < TimeSpan.FromMinutes(1) || delay > TimeSpan.FromHours(24)))
        {
            throw new WarningRefused("Le délai avant escalade va d'une minute à 24 heures.");
        }
        if (settings.Kind == WarningRuleKind.Vigilance && settings.VigilanceAtLeast is { } colour && colour < VigilanceColour.Orange)
        {
            throw new WarningRefused("Une règle de vigilance part de l'orange ou du rouge.");
        }
        Name = settings.Name.Trim();
        Kind = settings.Kind;
        Territory = settings.Territory;
        Urgent = settings.Urgent;
        Enabled = settings.Enabled;
        NatureFamilies = settings.Kind == WarningRuleKind.NewIncident ? families : [];
        Thresholds = settings.Kind == WarningRuleKind.Victims ? thresholds : [];
        BurstCount = settings.Kind == WarningRuleKind.IncidentBurst ? settings.BurstCount : null;
        EscalationDelay = settings.EscalationDelay;
        VigilanceAtLeast = settings.Kind == WarningRuleKind.Vigilance ? settings.VigilanceAtLeast ?? VigilanceColour.Orange : null;
        UpdatedAt = now;
    }

    public WarningRuleSettings Settings => new(Name, Kind, Territory, Urgent, NatureFamilies, Thresholds, BurstCount, EscalationDelay, Enabled, VigilanceAtLeast);
}
