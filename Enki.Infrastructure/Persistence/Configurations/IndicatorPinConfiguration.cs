using Enki.Domain.Crises;
using Enki.Domain.Indicators.Pins;
using Enki.Infrastructure.Persistence.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class IndicatorPinConfiguration : IEntityTypeConfiguration<IndicatorPin>
{
    public void Configure(EntityTypeBuilder<IndicatorPin> builder)
    {
        builder.ToTable("IndicatorPins");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Board).HasConversion(EnumStorage.PinBoard.Converter).HasMaxLength(16);
        builder.HasOne<Crisis>().WithMany().HasForeignKey(p => p.CrisisId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.WallScope).HasMaxLength(32);
        builder.Property(p => p.View).HasMaxLength(IndicatorPin.ViewMaxLength);
        builder.Property(p => p.Title).HasMaxLength(IndicatorPin.TitleMaxLength);
        builder.Property(p => p.PinnedById).HasMaxLength(450);
        builder.Property(p => p.PinnedByName).HasMaxLength(256);
        builder.HasIndex(p => p.CrisisId);
        builder.HasIndex(p => p.WallScope);
    }
}
