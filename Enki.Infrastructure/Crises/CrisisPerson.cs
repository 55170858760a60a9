namespace Enki.Infrastructure.Crises;

/// <summary>Someone a pilot may name as a crisis participant: the account's id, name and organisation, nothing else.</summary>
public sealed record CrisisPerson(string Id, string Name, string? Organisation)
{
    public string Label => Organisation is null || Name.Contains(Organisation, StringComparison.CurrentCultureIgnoreCase) ? Name : $"{Name} ({Organisation})";
}
