using Enki.Domain.Crises;
using Enki.Domain.Crises.Retex;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class AfterActionReviewConfiguration : IEntityTypeConfiguration<AfterActionReview>
{
    public void Configure(EntityTypeBuilder<AfterActionReview> builder)
    {
        builder.ToTable("AfterActionReviews");
        // One review per crisis.
        builder.HasKey(r => r.CrisisId);
        builder.Property(r => r.CrisisId).ValueGeneratedNever();
        builder.HasOne<Crisis>().WithOne().HasForeignKey<AfterActionReview>(r => r.CrisisId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Strengths).HasMaxLength(AfterActionReview.TextMaxLength);
        builder.Property(r => r.Improvements).HasMaxLength(AfterActionReview.TextMaxLength);
        builder.Property(r => r.UpdatedById).HasMaxLength(450);
        builder.Property(r => r.UpdatedByName).HasMaxLength(256);
        builder.Property(r => r.FrozenById).HasMaxLength(450);
        builder.Property(r => r.FrozenByName).HasMaxLength(256);
        builder.Ignore(r => r.IsFrozen);
        // The actions travel as JSON: a review stays one row.
        builder.Ignore(r => r.Actions);
        builder.Property<List<CorrectiveAction>>("_actions").HasColumnName("Actions").AsJson();
    }
}
