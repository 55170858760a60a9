using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class ResourceHourConfiguration : IEntityTypeConfiguration<ResourceHour>
{
    public void Configure(EntityTypeBuilder<ResourceHour> builder)
    {
        builder.ToTable("IndicatorResourceHours");
        // The key's first column is the hour: the nation's year is one range of it.
        builder.HasKey(h => new { h.Hour, h.CommuneCode, h.Kind, h.Released, h.DurationTicks });
        builder.Property(h => h.CommuneCode).HasMaxLength(8);
        builder.Property(h => h.DepartmentCode).HasMaxLength(8);
        builder.Property(h => h.ZoneCode).HasMaxLength(16);
        builder.Property(h => h.Kind).HasMaxLength(ResourceHour.MaxKindLength);
        // The territory filters of the readers, then the hours.
        // The department's carries what the readers sum: SQLite walks it, department by department, for a national department map
        // too (its grouping order), and reading every row behind it took 0.39–0.48 s for a year at 1 M incidents, 0.02–0.12 s here.
        builder.HasIndex(h => new { h.DepartmentCode, h.Hour, h.Released, h.Kind, h.DurationTicks, h.Resources }, "IX_IndicatorResourceHours_DepartmentSums");
        builder.HasIndex(h => new { h.ZoneCode, h.Hour });
        builder.HasIndex(h => new { h.CommuneCode, h.Hour });
    }
}
