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
        builder.HasIndex(h => new { h.DepartmentCode, h.Hour });
        builder.HasIndex(h => new { h.ZoneCode, h.Hour });
        builder.HasIndex(h => new { h.CommuneCode, h.Hour });
    }
}
