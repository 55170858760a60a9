using Enki.Domain.Mobilisation;

namespace Enki.Application.Mobilisation;

/// <summary>What a command did: the request as it now stands, or a French reason it did nothing.</summary>
public sealed record MobilisationOutcome(MobilisationRequest? Request, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>Someone else changed the request first; the page should reload it.</summary>
    public bool IsConflict { get; init; }

    public static MobilisationOutcome Done(MobilisationRequest request) => new(request, null);

    public static MobilisationOutcome Refused(string reason) => new(null, reason);

    public static MobilisationOutcome NotFound { get; } = new(null, "Demande introuvable.");

    public static MobilisationOutcome Conflict(string? byWhom) =>
        new(null, $"Cette demande vient d'être modifiée par {byWhom ?? "une autre personne"} : rechargez.") { IsConflict = true };
}
