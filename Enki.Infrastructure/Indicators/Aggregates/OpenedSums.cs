namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// Which counts of the opening pre-aggregate a reader needs summed; the others are left at 0, as the incidents' own groups
/// leave them (<see cref="OpenedHourReader.OpeningsAsync"/>, <see cref="ProgressChanges.GroupsAsync"/>). SQLite sorts every
/// summed column with its group: a national department map of a year summing all eleven took about three times as long as one.
/// </summary>
internal enum OpenedSums
{
    /// <summary>The openings alone, from the rows holding some.</summary>
    Openings,

    /// <summary>The openings and their latest victims by category, from the rows holding openings.</summary>
    OpeningsAndVictims,

    /// <summary>The progress changes (started, ended, closed), from every row.</summary>
    Progress,
}
