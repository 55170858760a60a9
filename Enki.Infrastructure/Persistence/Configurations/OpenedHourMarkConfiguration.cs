using Enki.Infrastructure.Indicators.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class OpenedHourMarkConfiguration : IEntityTypeConfiguration<OpenedHourMark>
{
    public void Configure(EntityTypeBuilder<OpenedHourMark> builder)
    {
        builder.ToTable("IndicatorOpenedHourMarks");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => m.Hour);
        builder.HasData(new OpenedHourMark { Id = OpenedHourMark.Everything.Id, Hour = OpenedHourMark.Everything.Hour });
    }
}
