using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class CoverageNationalHourConfiguration : IEntityTypeConfiguration<CoverageNationalHour>
{
    public void Configure(EntityTypeBuilder<CoverageNationalHour> builder)
    {
        builder.ToTable("IndicatorCoverageNationalHours");
        // One row an hour: a national year is one range of the key.
        builder.HasKey(h => h.Hour);
    }
}
