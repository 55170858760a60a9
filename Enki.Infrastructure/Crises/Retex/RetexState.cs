using Enki.Domain.Geography;

namespace Enki.Infrastructure.Crises.Retex;

/// <summary>Where the pilots' review stands, in words: « Figé par … le … », being written, or not started.</summary>
public static class RetexState
{
    public static string Of(RetexDocument retex)
    {
        if (retex.Review is not { } review) return "Non rédigé";
        if (review.FrozenAt is { } frozen)
        {
            var at = TerritoryClock.Local(frozen, retex.DepartmentCode);
            return $"Figé par {review.FrozenByName} le {at:dd/MM/yyyy} à {at:HH:mm}";
        }
        var updated = TerritoryClock.Local(review.UpdatedAt, retex.DepartmentCode);
        return $"En cours de rédaction (modifié par {review.UpdatedByName} le {updated:dd/MM/yyyy} à {updated:HH:mm})";
    }
}
