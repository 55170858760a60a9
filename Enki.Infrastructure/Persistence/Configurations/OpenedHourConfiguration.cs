using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class OpenedHourConfiguration : IEntityTypeConfiguration<OpenedHour>
{
    public void Configure(EntityTypeBuilder<OpenedHour> builder)
    {
        builder.ToTable("IndicatorOpenedHours");
        builder.HasKey(h => new { h.Hour, h.CommuneCode, h.NatureFamily });
        builder.Property(h => h.CommuneCode).HasMaxLength(8);
        builder.Property(h => h.DepartmentCode).HasMaxLength(8);
        builder.Property(h => h.ZoneCode).HasMaxLength(16);
        builder.Property(h => h.NatureFamily).HasMaxLength(8);
        // The territory filters of the readers, then the hours. The department's carries what the readers take: a department's year at
        // 5 M incidents is 165 k rows spread over 11 k pages of the table, which PostgreSQL read in 130–190 ms for a series; from
        // the index alone, 24 ms.
        builder.HasIndex(h => new
        {
            h.DepartmentCode, h.Hour, h.NatureFamily, h.CommuneCode, h.Opened,
            h.Deceased, h.Red, h.Yellow, h.Green, h.Missing, h.Evacuated, h.Displaced, h.Closed, h.Ended, h.Started,
        }).HasDatabaseName("IX_IndicatorOpenedHours_DepartmentCode_Hour_Covering");
        builder.HasIndex(h => new { h.ZoneCode, h.Hour });
        // With the openings: « population touchée » probes every commune of the territory for one hour with an opening, from the
        // index alone (a national year at 5 M incidents: 0.20 s with a lookup in the table per probe, 0.09 s so).
        builder.HasIndex(h => new { h.CommuneCode, h.Hour, h.Opened });
    }
}
