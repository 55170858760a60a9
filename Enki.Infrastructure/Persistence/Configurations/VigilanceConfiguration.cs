using Enki.Domain.Vigilance;
using Enki.Infrastructure.Persistence.Storage;
using Enki.Infrastructure.Vigilance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class AreaVigilanceConfiguration : IEntityTypeConfiguration<AreaVigilance>
{
    public void Configure(EntityTypeBuilder<AreaVigilance> builder)
    {
        builder.ToTable("Vigilances");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Ignore(v => v.Subject);
        builder.Ignore(v => v.CommuneCodes);
        builder.Property(v => v.Key).HasMaxLength(200);
        builder.Property(v => v.Source).HasConversion(EnumStorage.VigilanceSource.Converter).HasMaxLength(16);
        builder.Property(v => v.AreaCode).HasMaxLength(32);
        builder.Property(v => v.AreaLabel).HasMaxLength(200);
        builder.Property(v => v.CommuneCode).HasMaxLength(5);
        builder.Property(v => v.DepartmentCode).HasMaxLength(3);
        builder.Property(v => v.ZoneCode).HasMaxLength(16);
        builder.Property(v => v.Phenomenon).HasConversion(EnumStorage.VigilancePhenomenon.Converter).HasMaxLength(24);
        builder.Property(v => v.PhenomenonLabel).HasMaxLength(100);
        builder.Property(v => v.Colour).HasConversion(EnumStorage.VigilanceColour.Converter).HasMaxLength(8);
        builder.Property(v => v.Communes).HasMaxLength(4000);
        builder.HasIndex(v => v.Key).IsUnique();
        builder.HasIndex(v => new { v.DepartmentCode, v.Day });
    }
}

internal sealed class QuarantinedVigilanceDocumentConfiguration : IEntityTypeConfiguration<QuarantinedVigilanceDocument>
{
    public void Configure(EntityTypeBuilder<QuarantinedVigilanceDocument> builder)
    {
        builder.ToTable("VigilanceQuarantine");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Source).HasConversion(EnumStorage.VigilanceSource.Converter).HasMaxLength(16);
        builder.Property(q => q.Reason).HasMaxLength(1000);
        builder.Property(q => q.Payload).HasMaxLength(QuarantinedVigilanceDocument.MaxPayloadLength);
        builder.HasIndex(q => q.ReceivedAt);
    }
}
