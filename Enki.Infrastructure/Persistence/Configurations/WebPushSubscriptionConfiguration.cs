using Enki.Domain.Warnings;
using Enki.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class WebPushSubscriptionConfiguration : IEntityTypeConfiguration<WebPushSubscription>
{
    public void Configure(EntityTypeBuilder<WebPushSubscription> builder)
    {
        builder.ToTable("WebPushSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserId).HasMaxLength(450);
        // Unique: a browser's endpoint belongs to one person (whoever subscribed on it last).
        builder.Property(s => s.Endpoint).HasMaxLength(WebPushSubscription.EndpointMaxLength);
        builder.HasIndex(s => s.Endpoint).IsUnique();
        builder.Property(s => s.P256dh).HasMaxLength(200);
        builder.Property(s => s.Auth).HasMaxLength(200);
        builder.Property(s => s.UserAgent).HasMaxLength(WebPushSubscription.UserAgentMaxLength);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<EnkiUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
