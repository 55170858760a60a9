using Enki.Infrastructure.Persistence.Storage;
using Enki.Domain.Crises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class CrisisConfiguration : IEntityTypeConfiguration<Crisis>
{
    public void Configure(EntityTypeBuilder<Crisis> builder)
    {
        builder.ToTable("Crises");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(Crisis.TitleMaxLength);
        builder.Property(c => c.Description).HasMaxLength(Crisis.DescriptionMaxLength);
        builder.Property(c => c.Type).HasConversion(EnumStorage.CrisisType.Converter).HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion(EnumStorage.CrisisStatus.Converter).HasMaxLength(16);
        builder.Property(c => c.CreatedById).HasMaxLength(450);
        builder.Property(c => c.CreatedByName).HasMaxLength(256);
        builder.HasIndex(c => c.StartedAt);

        // Attached incidents are read as a whole with the crisis: one JSON column.
        builder.Ignore(c => c.IncidentIds);
        builder.Property<List<Guid>>("_incidentIds").HasColumnName("IncidentIds").AsJson();

        // Territories are rows: the jurisdiction filter runs on their codes in the database.
        builder.OwnsMany(c => c.Territories, territory =>
        {
            territory.ToTable("CrisisTerritories");
            territory.WithOwner().HasForeignKey("CrisisId");
            territory.Property<int>("Id");
            territory.HasKey("Id");
            territory.Ignore(t => t.Jurisdiction);
            territory.Property(t => t.Kind).HasConversion(EnumStorage.JurisdictionKind.Converter).HasMaxLength(16);
            territory.Property(t => t.Code).HasMaxLength(16);
            territory.Property(t => t.Name).HasMaxLength(200);
            territory.Property(t => t.CommuneCode).HasMaxLength(8);
            territory.Property(t => t.DepartmentCode).HasMaxLength(8);
            territory.Property(t => t.ZoneCode).HasMaxLength(16);
            territory.HasIndex(t => t.CommuneCode);
            territory.HasIndex(t => t.DepartmentCode);
            territory.HasIndex(t => t.ZoneCode);
        });
        builder.Navigation(c => c.Territories).HasField("_territories");

        builder.OwnsMany(c => c.Participants, participant =>
        {
            participant.ToTable("CrisisParticipants");
            participant.WithOwner().HasForeignKey("CrisisId");
            participant.Property<int>("Id");
            participant.HasKey("Id");
            participant.Property(p => p.Kind).HasConversion(EnumStorage.ParticipantKind.Converter).HasMaxLength(16);
            participant.Property(p => p.Reference).HasMaxLength(450);
            participant.Property(p => p.Name).HasMaxLength(256);
            participant.Property(p => p.Right).HasConversion(EnumStorage.ParticipationRight.Converter).HasMaxLength(16);
            participant.HasIndex(p => p.Reference);
        });
        builder.Navigation(c => c.Participants).HasField("_participants");
    }
}
