using Enki.Domain.Access;

namespace Enki.Domain.Crises;

/// <summary>
/// A crisis (événement): a territory, a time window, the incidents attached to it, who takes part
/// and with which right. Every change checks the actor's right here, not in the pages.
/// </summary>
public sealed class Crisis : Events.EventSource
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    private readonly List<CrisisTerritory> _territories = [];
    private readonly List<CrisisParticipant> _participants = [];
    private List<Guid> _incidentIds = [];

    private Crisis()
    {
        // For the store.
        Title = CreatedById = CreatedByName = null!;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public CrisisType Type { get; private set; }

    public string? Description { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public CrisisStatus Status { get; private set; }

    /// <summary>Exercise crises gather exercise incidents and are shown apart.</summary>
    public bool IsExercise { get; private set; }

    public string CreatedById { get; private set; }

    public string CreatedByName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<CrisisTerritory> Territories => _territories;

    public IReadOnlyList<CrisisParticipant> Participants => _participants;

    public IReadOnlyList<Guid> IncidentIds => _incidentIds;

    /// <summary>Opens a crisis; its creator becomes its pilot, next to the ORSEC roles (<see cref="OrsecRoles"/>).</summary>
    /// <param name="reachableCommunes">Communes of the territory whose mayor's office Enki can reach (account or directory entry).</param>
    /// <exception cref="CrisisRefused">The creator may not open it over that territory, or a field is invalid.</exception>
    public static Crisis Open(Viewer creator, string title, CrisisType type, string? description,
        IReadOnlyList<Jurisdiction> territories, DateTimeOffset startedAt, bool isExercise,
        ITerritoryDirectory directory, DateTimeOffset now, IReadOnlyCollection<string>? reachableCommunes = null)
    {
        var errors = AccessPolicy.CrisisOpeningErrors(creator, territories, directory);
        if (errors.Count > 0)
        {
            throw new CrisisRefused(string.Join(" ", errors));
        }
        var crisis = new Crisis
        {
            Id = Guid.CreateVersion7(now),
            Type = type,
            Status = CrisisStatus.Ongoing,
            StartedAt = startedAt.ToUniversalTime(),
            IsExercise = isExercise,
            CreatedById = creator.Id,
            CreatedByName = creator.Name,
            CreatedAt = now,
        };
        crisis.Describe(title, description);
        crisis._territories.AddRange(territories.Distinct().Select(t => CrisisTerritory.Of(t, directory)));
        crisis._participants.Add(CrisisParticipant.Person(creator, ParticipationRight.Lead));
        crisis._participants.AddRange(OrsecRoles.Defaults(creator, crisis._territories, reachableCommunes ?? [], directory));
        crisis.Record(new CrisisOpened(crisis.Subject, creator.Id, creator.Name, now, type, crisis.StartedAt));
        return crisis;
    }

    /// <exception cref="CrisisRefused">The actor lacks the right (<see cref="AccessPolicy.CrisisRight"/>).</exception>
    private static void EnsureAllowed(Viewer actor, Crisis crisis, ParticipationRight needed)
    {
        if (!AccessPolicy.HasCrisisRight(actor, crisis, needed)) throw new CrisisRefused(AccessPolicy.CrisisRefusal(needed));
    }

    public void Edit(Viewer actor, string title, CrisisType type, string? description, DateTimeOffset at)
    {
        EnsureAllowed(actor, this, ParticipationRight.Lead);
        Type = type;
        Describe(title, description);
        Record(new CrisisEdited(Subject, actor.Id, actor.Name, at, type));
    }

    /// <summary>Ends the crisis at <paramref name="endedAt"/>, which is required and not before its start.</summary>
    public void End(Viewer actor, DateTimeOffset? endedAt, DateTimeOffset at)
    {
        EnsureAllowed(actor, this, ParticipationRight.Lead);
        CrisisLifecycle.EnsureCanMove(Status, CrisisStatus.Ended);
        if (endedAt is null)
        {
            throw new CrisisRefused("Indiquez l'heure de fin de la crise.");
        }
        if (endedAt < StartedAt)
        {
            throw new CrisisRefused("La fin de la crise ne peut précéder son début.");
        }
        Status = CrisisStatus.Ended;
        EndedAt = endedAt.Value.ToUniversalTime();
        Record(new CrisisEnded(Subject, actor.Id, actor.Name, at, EndedAt.Value));
    }

    public void Reopen(Viewer actor, DateTimeOffset at)
    {
        EnsureAllowed(actor, this, ParticipationRight.Lead);
        CrisisLifecycle.EnsureCanMove(Status, CrisisStatus.Ongoing);
        Status = CrisisStatus.Ongoing;
        EndedAt = null;
        Record(new CrisisReopened(Subject, actor.Id, actor.Name, at));
    }

    /// <returns>False when the incident was already attached.</returns>
    public bool AttachIncident(Viewer actor, Guid incidentId, DateTimeOffset at)
    {
        EnsureAllowed(actor, this, ParticipationRight.Contribution);
        if (_incidentIds.Contains(incidentId)) return false;
        // A new list: the JSON column notices a replaced value, not an in-place change.
        _incidentIds = [.. _incidentIds, incidentId];
        Record(new CrisisIncidentAttached(Subject, actor.Id, actor.Name, at, incidentId));
        return true;
    }

    /// <returns>False when the incident was not attached.</returns>
    public bool DetachIncident(Viewer actor, Guid incidentId, DateTimeOffset at)
    {
        EnsureAllowed(actor, this, ParticipationRight.Contribution);
        if (!_incidentIds.Contains(incidentId)) return false;
        _incidentIds = _incidentIds.Where(id => id != incidentId).ToList();
        Record(new CrisisIncidentDetached(Subject, actor.Id, actor.Name, at, incidentId));
        return true;
    }

    /// <summary>Adds a participant, or changes the right of one already there.</summary>
    public void SetParticipant(Viewer actor, CrisisParticipant participant, DateTimeOffset at)
    {
        EnsureAllowed(actor, this, ParticipationRight.Lead);
        bool Same(CrisisParticipant p) => p.Kind == participant.Kind && p.Reference == participant.Reference;
        if (participant.Right != ParticipationRight.Lead && !_participants.Any(p => !Same(p) && p.Right == ParticipationRight.Lead))
        {
            throw new CrisisRefused("Une crise garde au moins un pilote.");
        }
        _participants.RemoveAll(Same);
        _participants.Add(participant);
        Record(new CrisisParticipantSet(Subject, actor.Id, actor.Name, at, participant));
    }

    private CrisisSubject Subject => new(Id, Title, IsExercise, _territories.ToList());

    private void Describe(string title, string? description)
    {
        title = title?.Trim() ?? "";
        if (title.Length == 0) throw new CrisisRefused("Le titre de la crise est obligatoire.");
        if (title.Length > TitleMaxLength) throw new CrisisRefused($"Le titre dépasse {TitleMaxLength} caractères.");
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (description?.Length > DescriptionMaxLength) throw new CrisisRefused($"La description dépasse {DescriptionMaxLength} caractères.");
        Title = title;
        Description = description;
    }
}
