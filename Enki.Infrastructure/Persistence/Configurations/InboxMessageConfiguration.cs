using Enki.Infrastructure.Persistence.Storage;
using Enki.Infrastructure.Nexsis.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable("NexsisInbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Channel).HasConversion(EnumStorage.InboxChannel.Converter).HasMaxLength(8);
        builder.Property(m => m.State).HasConversion(EnumStorage.InboxState.Converter).HasMaxLength(12);
        builder.Property(m => m.Sender).HasMaxLength(200);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.PayloadHash).HasMaxLength(64);
        builder.Property(m => m.DistributionId).HasMaxLength(200);
        builder.Property(m => m.CaseId).HasMaxLength(200);
        builder.Property(m => m.Reason).HasMaxLength(1000);
        builder.HasIndex(m => m.PayloadHash).IsUnique();
        builder.HasIndex(m => new { m.State, m.Id });
        builder.HasIndex(m => new { m.State, m.CaseId });
        builder.HasIndex(m => m.ReceivedAt);
    }
}
