using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class GridNationalHourConfiguration : IEntityTypeConfiguration<GridNationalHour>
{
    public void Configure(EntityTypeBuilder<GridNationalHour> builder)
    {
        builder.ToTable("IndicatorGridNationalHours");
        // One row an hour: a national year is one range of the key.
        builder.HasKey(h => h.Hour);
    }
}
