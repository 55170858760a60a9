using Enki.Domain.Geography;

namespace Enki.Domain.Mobilisation;

/// <summary>How a request reads in mails and the main courante, the same wherever it is written (use cases, demo data).</summary>
public static class MobilisationRequestWords
{
    public static string Resource(MobilisationRequest request) =>
        request.Quantity is { } quantity ? $"{request.ResourceKind} : {quantity} {request.Unit}".TrimEnd() : request.ResourceKind;

    // The commune's own time: an overseas mayor reads their clock, not Paris's.
    /// <summary>The deadline in the commune's own time, as people there read it.</summary>
    public static string Deadline(MobilisationRequest request) =>
        TerritoryClock.Local(request.Deadline, request.DepartmentCode).ToString("dd/MM/yyyy HH:mm");
}
