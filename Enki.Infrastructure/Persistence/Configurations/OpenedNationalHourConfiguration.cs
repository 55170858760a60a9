using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class OpenedNationalHourConfiguration : IEntityTypeConfiguration<OpenedNationalHour>
{
    public void Configure(EntityTypeBuilder<OpenedNationalHour> builder)
    {
        builder.ToTable("IndicatorOpenedNationalHours");
        // The key's first column is the hour: a national year is one range of it.
        builder.HasKey(h => new { h.Hour, h.NatureFamily });
        builder.Property(h => h.NatureFamily).HasMaxLength(8);
    }
}
