using Enki.Infrastructure.Persistence.Storage;
using Enki.Domain.Crises;
using Enki.Domain.Logbook;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class LogbookEntryConfiguration : IEntityTypeConfiguration<LogbookEntry>
{
    public void Configure(EntityTypeBuilder<LogbookEntry> builder)
    {
        builder.ToTable("LogbookEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Crisis>().WithMany().HasForeignKey(e => e.CrisisId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.AuthorId).HasMaxLength(450);
        builder.Property(e => e.AuthorName).HasMaxLength(256);
        builder.Property(e => e.AuthorOrganisation).HasMaxLength(200);
        builder.Property(e => e.Kind).HasConversion(EnumStorage.LogbookEntryKind.Converter).HasMaxLength(32);
        builder.Property(e => e.Text).HasMaxLength(LogbookEntry.TextMaxLength);
        builder.Property(e => e.Tags).AsJson();
        builder.Property(e => e.TagList).HasMaxLength(1000);
        builder.HasIndex(e => new { e.CrisisId, e.At });
        builder.HasIndex(e => e.Corrects);
    }
}
