using Enki.Domain.Geography;
using Enki.Domain.Incidents;
using Enki.Infrastructure.Incidents;
using MudBlazor;

namespace Enki.Web.Components.Incidents.List;

/// <summary>What the person typed and picked above the grid, turned into the query's filter.</summary>
public sealed record IncidentSearch(
    string? Family = null,
    string? NatureCode = null,
    IncidentStatus? Status = null,
    Commune? Commune = null,
    DateRange? Opened = null,
    string? Text = null,
    bool InProgressOnly = false)
{
    public static IncidentSearch Empty { get; } = new();

    /// <summary>What a mayor sees first: what is still going on in the commune.</summary>
    public static IncidentSearch InProgress { get; } = new(InProgressOnly: true);

    public bool IsEmpty => this == Empty;

    /// <param name="zone">The viewer's territory time: « du 28/11 » means from midnight there.</param>
    public IncidentFilter ToFilter(bool exercises, IncidentSort sort, TimeZoneInfo zone) => new(
        Status: Status, NatureFamily: Family, Exercise: exercises, CommuneCode: Commune?.InseeCode)
    {
        NatureCodePrefix = NatureCode,
        ActiveOnly = InProgressOnly,
        Text = Text,
        OpenedFrom = Opened?.Start is { } start ? StartOfDay(start, zone) : null,
        OpenedTo = Opened?.End is { } end ? StartOfDay(end.AddDays(1), zone) : null,
        Sort = sort,
    };

    private static DateTimeOffset StartOfDay(DateTime day, TimeZoneInfo zone)
    {
        var midnight = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
