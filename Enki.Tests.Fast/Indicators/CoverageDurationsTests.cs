using Enki.Infrastructure.Indicators.Aggregates;

namespace Enki.Tests.Indicators;

/// <summary>The packed durations of <see cref="CoverageNationalHour"/>: what goes in comes out, summed without the communes.</summary>
public sealed class CoverageDurationsTests
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rows_come_back_by_department_family_and_exact_durations_their_communes_summed()
    {
        var fiveHours = TimeSpan.FromHours(5).Ticks + 1; // beyond four bytes of 7 bits
        CoverageHour[] rows =
        [
            Row("77284", "77", "C04", Minutes(30), Minutes(5), 1),
            Row("77108", "77", "C04", Minutes(12), Minutes(2), 2),
            Row("77284", "77", "C04", Minutes(12), Minutes(2), 1), // the same pair in another commune: summed
            Row("2A004", "2A", "", fiveHours, 0, 1),               // no family, a Corsican code, a long wait with no alert time
            Row("97411", "974", "C01", 0, 0, 3),                   // arrived at the creation
        ];

        var read = ReadAll(CoverageNationalHour.Of(Hour, rows)!.Durations, departments: true, families: true);

        Assert.Equal(
            [
                ("2A", "", fiveHours, 0L, 1),
                ("77", "C04", Minutes(12), Minutes(2), 3),
                ("77", "C04", Minutes(30), Minutes(5), 1),
                ("974", "C01", 0L, 0L, 3),
            ],
            read);
        // Codes not asked for are not read.
        Assert.All(ReadAll(CoverageNationalHour.Of(Hour, rows)!.Durations, departments: false, families: false), r => Assert.Equal(("", ""), (r.Department, r.Family)));
    }

    [Fact]
    public void An_hour_without_covered_incidents_has_no_row_and_damaged_durations_are_refused()
    {
        Assert.Null(CoverageNationalHour.Of(Hour, []));
        var packed = CoverageNationalHour.Of(Hour, [Row("77108", "77", "C04", Minutes(12), Minutes(2), 1)])!.Durations;
        Assert.Throws<InvalidDataException>(() => ReadAll([.. packed, 0], true, true));
        Assert.ThrowsAny<Exception>(() => ReadAll(packed[..^1], true, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageDurations.Pack([Row("77108", "77", "C04", Minutes(2), Minutes(12), 1)]));
    }

    [Fact]
    public void Long_codes_and_more_codes_than_the_reader_keeps_at_hand_come_back_as_written()
    {
        // 300 departments (more than the reader's table of short codes holds) and a family code longer than eight bytes.
        var rows = Enumerable.Range(0, 300).Select(i => Row($"{i:000}01", $"D{i:000}", i % 2 == 0 ? "C04" : "FAMILLE-LONGUE", Minutes(i), 0, 1)).ToList();
        var reader = new CoverageDurations.Reader(departments: true, families: true);
        var read = new List<(string Department, string Family, long Total)>();
        for (var pass = 0; pass < 2; pass++) // the second pass finds the codes the first one met
        {
            read.Clear();
            reader.Read(CoverageNationalHour.Of(Hour, rows)!.Durations, (d, f, pairs) =>
            {
                foreach (var pair in pairs) read.Add((d, f, pair.TotalTicks));
            });
            Assert.Equal(rows.Select(r => (r.DepartmentCode, r.NatureFamily, r.TotalTicks)).OrderBy(r => r.DepartmentCode, StringComparer.Ordinal), read);
        }
    }

    private static List<(string Department, string Family, long Total, long Alert, int Incidents)> ReadAll(byte[] packed, bool departments, bool families)
    {
        var read = new List<(string, string, long, long, int)>();
        new CoverageDurations.Reader(departments, families).Read(packed, (d, f, pairs) =>
        {
            foreach (var pair in pairs) read.Add((d, f, pair.TotalTicks, pair.AlertTicks, pair.Incidents));
        });
        return read;
    }

    private static CoverageHour Row(string commune, string department, string family, long total, long alert, int incidents) => new()
    {
        Hour = Hour, CommuneCode = commune, DepartmentCode = department, ZoneCode = "Z", NatureFamily = family,
        TotalTicks = total, AlertTicks = alert, Incidents = incidents,
    };

    private static long Minutes(int minutes) => TimeSpan.FromMinutes(minutes).Ticks;
}
