using Enki.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class CompletedOneOffTaskConfiguration : IEntityTypeConfiguration<CompletedOneOffTask>
{
    public void Configure(EntityTypeBuilder<CompletedOneOffTask> builder)
    {
        builder.ToTable("CompletedOneOffTasks");
        builder.HasKey(t => t.Name);
        builder.Property(t => t.Name).HasMaxLength(64);
    }
}
