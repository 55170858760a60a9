using System.Runtime.CompilerServices;
using Enki.Domain.Geography;

namespace Enki.Infrastructure.Indicators.Aggregates;

/// <summary>
/// The populations of communes, looked up department by department: a national year of days holds about two million
/// codes, and one department's few hundred stay in the processor's cache while its list is read, where lookups spread over one
/// dictionary of 35 k codes took three to four times as long.
/// </summary>
internal sealed class DepartmentPopulations
{
    private readonly Dictionary<string, Dictionary<string, long>> _byDepartment;
    private readonly Dictionary<string, long> _all;

    public DepartmentPopulations(IReadOnlyList<Commune> communes)
    {
        _all = communes.ToDictionary(c => c.InseeCode, c => (long)c.Population);
        _byDepartment = communes.GroupBy(c => c.DepartmentCode).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.InseeCode, c => (long)c.Population));
    }

    /// <summary>
    /// The inhabitants of the communes of a department's list (codes separated by <paramref name="separator"/>), and how many codes it
    /// holds: every code counts, one unknown to the geography with no inhabitants. Optimised at once: called for each row of a read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (long People, int Communes) Of(string departmentCode, ReadOnlySpan<char> list, char separator)
    {
        var all = _all.GetAlternateLookup<ReadOnlySpan<char>>();
        var own = _byDepartment.TryGetValue(departmentCode, out var department) ? department.GetAlternateLookup<ReadOnlySpan<char>>() : all;
        var (people, count) = (0L, 0);
        foreach (var range in list.Split(separator))
        {
            var code = list[range];
            people += own.TryGetValue(code, out var inhabitants) || all.TryGetValue(code, out inhabitants) ? inhabitants : 0;
            count++;
        }
        return (people, count);
    }
}
