using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class OpenedDepartmentDayConfiguration : IEntityTypeConfiguration<OpenedDepartmentDay>
{
    public void Configure(EntityTypeBuilder<OpenedDepartmentDay> builder)
    {
        builder.ToTable("IndicatorOpenedDepartmentDays");
        // The key's first column is the day: the nation's year is one range of it.
        builder.HasKey(d => new { d.Day, d.DepartmentCode, d.NatureFamily });
        builder.Property(d => d.DepartmentCode).HasMaxLength(8);
        builder.Property(d => d.ZoneCode).HasMaxLength(16);
        builder.Property(d => d.NatureFamily).HasMaxLength(8);
        // The territory filters of the readers, then the days.
        builder.HasIndex(d => new { d.DepartmentCode, d.Day });
        builder.HasIndex(d => new { d.ZoneCode, d.Day });
    }
}
