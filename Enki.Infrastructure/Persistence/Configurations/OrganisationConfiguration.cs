using Enki.Infrastructure.Persistence.Storage;
using Enki.Domain.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(OrganisationDetails.NameMax);
        builder.Property(o => o.Kind).HasConversion(EnumStorage.OrganisationKind.Converter).HasMaxLength(16);
        builder.Property(o => o.CommuneCode).HasMaxLength(5);
        builder.Property(o => o.DepartmentCode).HasMaxLength(3);
        builder.Property(o => o.ZoneCode).HasMaxLength(16);
        builder.Property(o => o.Phone).HasMaxLength(16);
        builder.Property(o => o.Email).HasMaxLength(256);
        builder.Property(o => o.Address).HasMaxLength(500);
        builder.Property(o => o.SearchText).HasMaxLength(4000);
        builder.Ignore(o => o.Territory);
        builder.Ignore(o => o.Details);
        builder.HasIndex(o => o.DepartmentCode);
        builder.HasIndex(o => o.CommuneCode);
        builder.HasIndex(o => o.Name);

        builder.Navigation(o => o.Contacts).HasField("_contacts").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(o => o.Contacts, contact =>
        {
            contact.ToTable("OrganisationContacts");
            contact.WithOwner().HasForeignKey("OrganisationId");
            contact.HasKey(c => c.Id);
            contact.Property(c => c.Id).ValueGeneratedNever();
            contact.Property(c => c.Name).HasMaxLength(200);
            contact.Property(c => c.Function).HasMaxLength(200);
            contact.Property(c => c.Email).HasMaxLength(256);
            contact.Property(c => c.Notes).HasMaxLength(2000);
            contact.Ignore(c => c.Phones);
            contact.Ignore(c => c.Details);
            contact.Property<List<string>>("_phones").HasColumnName("Phones").HasMaxLength(1000).AsJson();
        });
    }
}
