using Enki.Infrastructure.Nexsis.Feed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class NexsisSyncStateConfiguration : IEntityTypeConfiguration<NexsisSyncState>
{
    public void Configure(EntityTypeBuilder<NexsisSyncState> builder)
    {
        builder.ToTable("NexsisSync");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Cursor).HasMaxLength(200);
        builder.Property(s => s.LastError).HasMaxLength(1000);
    }
}
