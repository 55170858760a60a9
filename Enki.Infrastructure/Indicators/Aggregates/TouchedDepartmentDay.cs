using Enki.Domain.Access;
using Enki.Domain.Geography;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The communes of one department where at least one real incident was opened in one local day: « population touchée » as a
/// series by day, for a department or wider, reads a hundred rows a day instead of a row per hour and commune. Every department
/// has its days on Paris time (a national or metropolitan series), an overseas department its own days too (its zone's or its own
/// series, <see cref="TerritoryClock.ZoneOf(string?)"/>). Distinct communes do not add up across hours, so the rows hold the
/// communes themselves, and the sum of their inhabitants as the geography counted them when the row was written. Rewritten from <see cref="OpenedHour"/> in
/// the transaction of any of its hours, trusted only for the days none of whose hours is marked.
/// </summary>
public sealed class TouchedDepartmentDay : ILocatedInTerritory
{
    /// <summary>The local midnight that starts the day, in UTC.</summary>
    public DateTimeOffset Day { get; set; }

    /// <summary>The time zone whose day it is (its IANA id).</summary>
    public string Clock { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public string ZoneCode { get; set; } = "";

    /// <summary>The INSEE codes of the communes touched, in order, separated by <see cref="Separator"/>.</summary>
    public string Communes { get; set; } = "";

    public const char Separator = ' ';

    /// <summary>The inhabitants of <see cref="Communes"/>, summed when the row was written with the populations <see cref="Populations"/> names.</summary>
    public long Inhabitants { get; set; }

    /// <summary>How many codes <see cref="Communes"/> holds.</summary>
    public int CommuneCount { get; set; }

    /// <summary>
    /// The fingerprint of the populations <see cref="Inhabitants"/> was summed with (<see cref="GeographyPopulations"/>): a row written with
    /// other populations (an older geography) is read from its codes instead.
    /// </summary>
    public int Populations { get; set; }

    /// <summary>No commune: never offered to a viewer or a territory narrower than a department.</summary>
    string? ILocatedInTerritory.CommuneCode => null;

    /// <summary>The local day of a time zone that holds an instant: its start and end, in UTC.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) DayOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).Date;
        return (TerritoryClock.FromLocal(local, zone), TerritoryClock.FromLocal(local.AddDays(1), zone));
    }
}
