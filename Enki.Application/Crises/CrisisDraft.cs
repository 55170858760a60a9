using Enki.Domain.Access;
using Enki.Domain.Crises;

namespace Enki.Application.Crises;

/// <summary>What the creation form sends.</summary>
public sealed record CrisisDraft(string Title, CrisisType Type, string? Description,
    IReadOnlyList<Jurisdiction> Territories, DateTimeOffset StartedAt, bool IsExercise);
