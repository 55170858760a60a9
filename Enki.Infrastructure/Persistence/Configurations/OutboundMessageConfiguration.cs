using Enki.Infrastructure.Outbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.ToTable("OutboundMessages");
        builder.HasKey(m => m.Sequence);
        builder.Property(m => m.Sequence).ValueGeneratedOnAdd();
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.DeliveryId).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.Channel, m.DeliveryId }).IsUnique();
        builder.HasIndex(m => new { m.Channel, m.Subject });
        // The dispatcher's scan: what is still owed, in order.
        builder.HasIndex(m => new { m.DeliveredAt, m.Sequence });
    }
}
