using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class ResourceDepartmentDayConfiguration : IEntityTypeConfiguration<ResourceDepartmentDay>
{
    public void Configure(EntityTypeBuilder<ResourceDepartmentDay> builder)
    {
        builder.ToTable("IndicatorResourceDepartmentDays");
        // The key's first column is the day: the nation's year is one range of it.
        builder.HasKey(d => new { d.Day, d.DepartmentCode, d.Kind, d.Released, d.DurationTicks });
        builder.Property(d => d.DepartmentCode).HasMaxLength(8);
        builder.Property(d => d.ZoneCode).HasMaxLength(16);
        builder.Property(d => d.Kind).HasMaxLength(ResourceHour.MaxKindLength);
        // The territory filters of the readers, then the days.
        builder.HasIndex(d => new { d.DepartmentCode, d.Day });
        builder.HasIndex(d => new { d.ZoneCode, d.Day });
    }
}
