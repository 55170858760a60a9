using System.Globalization;
using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace Enki.Web.Components.Incidents.List;

/// <summary>
/// The incident list's filters in its address (<c>incidents?famille=C04&amp;statut=en-cours&amp;commune=77108</c>),
/// so a link can be shared and a page reloaded after its node died comes back as it was.
/// </summary>
public static class IncidentSearchAddress
{
    private const string Text = "q", Family = "famille", NatureCode = "code", Status = "statut", Commune = "commune",
        From = "du", To = "au", InProgressOnly = "en-cours", Exercises = "exercices";

    private static readonly string[] Names = [Text, Family, NatureCode, Status, Commune, From, To, InProgressOnly, Exercises];

    private static readonly Dictionary<IncidentStatus, string> StatusWords = new()
    {
        [IncidentStatus.Reported] = "signale",
        [IncidentStatus.InProgress] = "en-cours",
        [IncidentStatus.Suspended] = "suspendu",
        [IncidentStatus.Completed] = "termine",
        [IncidentStatus.Cancelled] = "annule",
    };

    /// <summary>
    /// The search an address asks for; what it does not say keeps <paramref name="byDefault"/> (a mayor's
    /// « en cours seulement »), and a commune outside <paramref name="communes"/> is ignored.
    /// </summary>
    public static (IncidentSearch Search, bool Exercises) Read(string uri, IncidentSearch byDefault, IReadOnlyList<Commune> communes)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Value(string name) => query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;

        var from = Day(Value(From));
        var to = Day(Value(To));
        var search = new IncidentSearch(
            Family: Value(Family),
            NatureCode: Value(NatureCode),
            Status: StatusWords.FirstOrDefault(s => s.Value == Value(Status)) is { Value: not null } status ? status.Key : null,
            Commune: Value(Commune) is { } code ? communes.FirstOrDefault(c => c.InseeCode == code) : null,
            Opened: from is null && to is null ? null : new DateRange(from, to),
            Text: Value(Text)?.Trim(),
            InProgressOnly: Value(InProgressOnly) switch { "1" => true, "0" => false, _ => byDefault.InProgressOnly });
        return (search, Value(Exercises) == "1");
    }

    /// <summary>
    /// The query values saying <paramref name="search"/> (for NavigationManager.GetUriWithQueryParameters):
    /// null, which removes a parameter, for what is empty or the default.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Query(IncidentSearch search, bool exercises, IncidentSearch byDefault)
    {
        var values = Names.ToDictionary(n => n, object? (_) => null);
        values[Text] = search.Text;
        values[Family] = search.Family;
        values[NatureCode] = search.NatureCode;
        values[Status] = search.Status is { } status ? StatusWords[status] : null;
        values[Commune] = search.Commune?.InseeCode;
        values[From] = search.Opened?.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        values[To] = search.Opened?.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        values[InProgressOnly] = search.InProgressOnly == byDefault.InProgressOnly ? null : search.InProgressOnly ? "1" : "0";
        values[Exercises] = exercises ? "1" : null;
        return values;
    }

    private static DateTime? Day(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
