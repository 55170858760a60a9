using Enki.Domain.Geography;
using Enki.Domain.Mobilisation;

namespace Enki.Web.Components.Mobilisation.Shared;

/// <summary>How a request reads on screen: resource, deadline in the commune's own time.</summary>
public static class MobilisationWords
{
    public static string Resource(MobilisationRequest request) => MobilisationRequestWords.Resource(request);

    public static string Deadline(MobilisationRequest request) =>
        TerritoryClock.Local(request.Deadline, request.DepartmentCode).ToString("dd/MM HH:mm");

    public static string At(DateTimeOffset at, MobilisationRequest request) =>
        TerritoryClock.Local(at, request.DepartmentCode).ToString("dd/MM HH:mm");
}
