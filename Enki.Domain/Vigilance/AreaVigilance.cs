using Enki.Domain.Access;
using Enki.Domain.Events;

namespace Enki.Domain.Vigilance;

/// <summary>
/// The vigilance in force on one area for one phenomenon and day, as last published. A new reading of a
/// different colour records <see cref="VigilanceChanged"/>: the rules read it, the screens follow it.
/// </summary>
public sealed class AreaVigilance : EventSource, ILocatedInTerritory
{
    private AreaVigilance() { }

    public Guid Id { get; private set; }

    /// <summary>Source, area, department, phenomenon and day (<see cref="VigilanceKey"/>): one row each.</summary>
    public string Key { get; private set; } = "";

    public VigilanceSource Source { get; private set; }

    public string AreaCode { get; private set; } = "";

    public string AreaLabel { get; private set; } = "";

    /// <summary>Always null: a vigilance covers a department, or the communes listed in <see cref="Communes"/>.</summary>
    public string? CommuneCode { get; private set; }

    public string? DepartmentCode { get; private set; }

    public string? ZoneCode { get; private set; }

    public VigilancePhenomenon Phenomenon { get; private set; }

    public string PhenomenonLabel { get; private set; } = "";

    public int Day { get; private set; }

    public VigilanceColour Colour { get; private set; }

    public DateTimeOffset? ValidFrom { get; private set; }

    public DateTimeOffset? ValidTo { get; private set; }

    /// <summary>Communes crossed (a river section), stored « ,77108,77109, » so that one commune is found by « ,77108, »; empty: the whole department.</summary>
    public string Communes { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string> CommuneCodes => Communes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The stored list's size (about 660 communes).</summary>
    public const int MaxCommunesLength = 4000;

    public static string CommuneMarker(string communeCode) => $",{communeCode},";

    /// <summary>A vigilance first seen: recorded as a change from green when it is not green.</summary>
    public static AreaVigilance Create(VigilanceReading reading, string? zoneCode, DateTimeOffset now)
    {
        var vigilance = new AreaVigilance
        {
            Id = Guid.NewGuid(), Key = reading.Key, Source = reading.Source, AreaCode = reading.AreaCode, DepartmentCode = reading.DepartmentCode,
            ZoneCode = zoneCode, Phenomenon = reading.Phenomenon, Day = reading.Day, Colour = VigilanceColour.Green,
        };
        vigilance.Apply(reading, now);
        return vigilance;
    }

    /// <summary>Takes the latest reading; records a change when its colour differs. True when anything changed.</summary>
    public bool Apply(VigilanceReading reading, DateTimeOffset now)
    {
        if (reading.Key != Key) throw new InvalidOperationException($"Reading {reading.Key} is not vigilance {Key}.");
        var communes = reading.CommuneCodes.Count == 0 ? "" : "," + string.Join(',', reading.CommuneCodes.Order(StringComparer.Ordinal)) + ",";
        if (communes.Length > MaxCommunesLength)
        {
            // A section along a whole department: past the column's size, the department as a whole.
            communes = "";
        }
        var previous = Colour;
        var changed = previous != reading.Colour || AreaLabel != reading.AreaLabel || PhenomenonLabel != reading.PhenomenonLabel
                      || ValidFrom != reading.ValidFrom || ValidTo != reading.ValidTo || Communes != communes;
        if (!changed) return false;
        AreaLabel = reading.AreaLabel;
        PhenomenonLabel = reading.PhenomenonLabel;
        Colour = reading.Colour;
        ValidFrom = reading.ValidFrom;
        ValidTo = reading.ValidTo;
        Communes = communes;
        UpdatedAt = now;
        if (previous != reading.Colour)
        {
            Record(new VigilanceChanged(Subject, now, previous));
        }
        return true;
    }

    public VigilanceSubject Subject => new(Id, Source, AreaCode, AreaLabel, DepartmentCode, ZoneCode, Phenomenon, PhenomenonLabel, Day, Colour,
        ValidFrom, ValidTo, CommuneCodes);
}
