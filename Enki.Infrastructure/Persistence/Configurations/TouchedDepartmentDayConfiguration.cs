using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class TouchedDepartmentDayConfiguration : IEntityTypeConfiguration<TouchedDepartmentDay>
{
    public void Configure(EntityTypeBuilder<TouchedDepartmentDay> builder)
    {
        builder.ToTable("IndicatorTouchedDepartmentDays");
        // The key's first column is the day: the nation's year is one range of it, and the refresh rewrites one day.
        builder.HasKey(d => new { d.Day, d.Clock, d.DepartmentCode });
        builder.Property(d => d.Clock).HasMaxLength(64);
        builder.Property(d => d.DepartmentCode).HasMaxLength(8);
        builder.Property(d => d.ZoneCode).HasMaxLength(16);
        // The territory filters of the readers, then the days.
        builder.HasIndex(d => new { d.DepartmentCode, d.Day });
        builder.HasIndex(d => new { d.ZoneCode, d.Day });
    }
}
