namespace Enki.Web.Api;

/// <summary>
/// Refusals of the HTTP API as RFC 9457 problem details (<c>application/problem+json</c>): field names
/// are the standard's, <c>title</c> and <c>detail</c> are French because people read them.
/// </summary>
public static class ApiProblems
{
    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Introuvable", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Unauthorized(string detail) =>
        Results.Problem(title: "Authentification requise", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult Forbidden() =>
        Results.Problem(title: "Accès refusé", statusCode: StatusCodes.Status403Forbidden);

    /// <summary>A query parameter with an unknown value: named in <c>errors</c>, as ASP.NET's validation problems do.</summary>
    public static IResult InvalidParameter(string parameter, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] },
            detail: message, title: "Paramètre invalide");
}
