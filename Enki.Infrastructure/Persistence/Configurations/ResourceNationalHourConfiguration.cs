using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class ResourceNationalHourConfiguration : IEntityTypeConfiguration<ResourceNationalHour>
{
    public void Configure(EntityTypeBuilder<ResourceNationalHour> builder)
    {
        builder.ToTable("IndicatorResourceNationalHours");
        // The key's first column is the hour: a national year is one range of it.
        builder.HasKey(h => new { h.Hour, h.Kind, h.Released, h.DurationTicks });
        builder.Property(h => h.Kind).HasMaxLength(ResourceHour.MaxKindLength);
    }
}
