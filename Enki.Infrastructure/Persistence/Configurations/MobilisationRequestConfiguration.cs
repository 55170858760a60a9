using Enki.Infrastructure.Persistence.Storage;
using Enki.Domain.Mobilisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class MobilisationRequestConfiguration : IEntityTypeConfiguration<MobilisationRequest>
{
    public void Configure(EntityTypeBuilder<MobilisationRequest> builder)
    {
        builder.ToTable("MobilisationRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        // A Guid set by the aggregate on each transition: works the same on SQLite and SQL Server.
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Object).HasMaxLength(200);
        builder.Property(r => r.Detail).HasMaxLength(4000);
        builder.Property(r => r.ResourceKind).HasMaxLength(200);
        builder.Property(r => r.Unit).HasMaxLength(50);
        builder.Property(r => r.PlaceText).HasMaxLength(500);
        builder.Property(r => r.PlaceCommune).HasMaxLength(5);
        builder.Property(r => r.Priority).HasConversion(EnumStorage.MobilisationPriority.Converter).HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion(EnumStorage.MobilisationStatus.Converter).HasMaxLength(16);
        builder.Property(r => r.IssuerId).HasMaxLength(450);
        builder.Property(r => r.IssuerName).HasMaxLength(256);
        builder.Property(r => r.IssuerOrganisation).HasMaxLength(200);
        builder.Property(r => r.IssuerProfile).HasConversion(EnumStorage.Profile.Converter).HasMaxLength(32);
        builder.Property(r => r.IssuerJurisdiction).HasMaxLength(32);
        builder.Property(r => r.RecipientKind).HasConversion(EnumStorage.RecipientKind.Converter).HasMaxLength(16);
        builder.Property(r => r.RecipientCode).HasMaxLength(64);
        builder.Property(r => r.RecipientName).HasMaxLength(200);
        builder.Property(r => r.CommuneCode).HasMaxLength(5);
        builder.Property(r => r.DepartmentCode).HasMaxLength(3);
        builder.Property(r => r.ZoneCode).HasMaxLength(16);
        builder.Ignore(r => r.Recipient);
        builder.Ignore(r => r.RefusalReason);

        // History and linked incidents travel as JSON: a request stays one row.
        builder.Ignore(r => r.History);
        builder.Ignore(r => r.IncidentIds);
        builder.Property<List<MobilisationStep>>("_history").HasColumnName("History").AsJson();
        builder.Property<List<Guid>>("_incidentIds").HasColumnName("IncidentIds").AsJson();

        // Inbox (recipient), issued list (issuing service) and the deadline job.
        builder.HasIndex(r => new { r.RecipientKind, r.RecipientCode, r.Status });
        builder.HasIndex(r => new { r.CommuneCode, r.Deadline });
        builder.HasIndex(r => new { r.IssuerJurisdiction, r.IssuerProfile, r.IssuedAt });
        builder.HasIndex(r => new { r.OverdueNotifiedAt, r.Deadline });
        builder.HasIndex(r => r.CrisisId);
    }
}
