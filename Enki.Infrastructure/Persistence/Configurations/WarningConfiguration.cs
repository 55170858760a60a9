using Enki.Domain.Access;
using Enki.Domain.Warnings;
using Enki.Infrastructure.Persistence.Storage;
using Enki.Infrastructure.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class WarningRuleConfiguration : IEntityTypeConfiguration<WarningRule>
{
    public void Configure(EntityTypeBuilder<WarningRule> builder)
    {
        builder.ToTable("WarningRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.Owner);
        builder.Ignore(r => r.Settings);
        builder.Ignore(r => r.EffectiveEscalationDelay);
        builder.Property(r => r.OwnerKind).HasConversion(EnumStorage.WarningOwnerKind.Converter).HasMaxLength(16);
        builder.Property(r => r.OwnerCode).HasMaxLength(450);
        builder.Property(r => r.OwnerJurisdiction).HasMaxLength(32);
        builder.Property(r => r.OwnerProfile).HasConversion(EnumStorage.Profile.Converter).HasMaxLength(32);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Kind).HasConversion(EnumStorage.WarningRuleKind.Converter).HasMaxLength(32);
        builder.Property(r => r.Territory).HasConversion(j => j.ToString(), text => Jurisdiction.Parse(text)).HasMaxLength(32);
        builder.Property(r => r.NatureFamilies).HasConversion(
            families => string.Join(',', families), text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<string>>(
                (a, b) => a!.SequenceEqual(b!), v => string.Join(',', v).GetHashCode(), v => v.ToList())).HasMaxLength(200);
        builder.Property(r => r.Thresholds).AsJson(namedEnums: true).HasMaxLength(1000);
        builder.Property(r => r.VigilanceAtLeast).HasConversion(EnumStorage.VigilanceColour.Converter).HasMaxLength(8);
        builder.HasIndex(r => new { r.OwnerKind, r.OwnerCode });
        builder.HasIndex(r => r.Enabled);
    }
}

internal sealed class WarningEntityConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> builder)
    {
        builder.ToTable("Warnings");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Property(w => w.RuleName).HasMaxLength(200);
        builder.Property(w => w.Kind).HasConversion(EnumStorage.WarningRuleKind.Converter).HasMaxLength(32);
        builder.Property(w => w.OwnerKind).HasConversion(EnumStorage.WarningOwnerKind.Converter).HasMaxLength(16);
        builder.Property(w => w.OwnerCode).HasMaxLength(450);
        builder.Property(w => w.Title).HasMaxLength(300);
        builder.Property(w => w.Detail).HasMaxLength(2000);
        builder.Property(w => w.SubjectKind).HasConversion(EnumStorage.WarningSubjectKind.Converter).HasMaxLength(16);
        builder.Property(w => w.CommuneCode).HasMaxLength(5);
        builder.Property(w => w.DepartmentCode).HasMaxLength(3);
        builder.Property(w => w.ZoneCode).HasMaxLength(16);
        builder.Property(w => w.AcknowledgedById).HasMaxLength(450);
        builder.Property(w => w.AcknowledgedByName).HasMaxLength(256);
        builder.Ignore(w => w.IsAcknowledged);
        builder.Property(w => w.Recipients).AsJson(namedEnums: true).HasMaxLength(4000);
        builder.HasMany(w => w.Deliveries).WithOne().HasForeignKey(d => d.WarningId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Deliveries).HasField("_deliveries").UsePropertyAccessMode(PropertyAccessMode.Field);
        // One warning per rule and stream event: an event handed twice raises nothing the second time.
        builder.HasIndex(w => new { w.RuleId, w.CauseSequence }).IsUnique();
        builder.HasIndex(w => new { w.OwnerCode, w.RaisedAt });
        builder.HasIndex(w => new { w.AcknowledgedAt, w.NextEscalationAt });
        builder.HasIndex(w => new { w.DepartmentCode, w.RaisedAt });
    }
}

internal sealed class WarningDeliveryConfiguration : IEntityTypeConfiguration<WarningDelivery>
{
    /// <summary>When a relay took the delivery to hand it to its channel (the outbox's claim); infrastructure only.</summary>
    public const string ClaimedAt = "ClaimedAt";

    public void Configure(EntityTypeBuilder<WarningDelivery> builder)
    {
        builder.ToTable("WarningDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.UserName).HasMaxLength(256);
        builder.Property(d => d.Channel).HasConversion(EnumStorage.WarningChannel.Converter).HasMaxLength(16);
        builder.Property(d => d.State).HasConversion(EnumStorage.DeliveryState.Converter).HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.Property<DateTimeOffset?>(ClaimedAt);
        builder.HasIndex(d => new { d.UserId, d.Channel, d.State });
        builder.HasIndex(d => d.State);
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
    }
}

internal sealed class WarningPreferencesConfiguration : IEntityTypeConfiguration<WarningPreferences>
{
    public void Configure(EntityTypeBuilder<WarningPreferences> builder)
    {
        builder.ToTable("WarningPreferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Ignore(p => p.Quiet);
    }
}

internal sealed class EscalationListConfiguration : IEntityTypeConfiguration<StoredEscalationList>
{
    public void Configure(EntityTypeBuilder<StoredEscalationList> builder)
    {
        builder.ToTable("WarningEscalationLists");
        builder.HasKey(l => l.OrganisationKey);
        builder.Property(l => l.OrganisationKey).HasMaxLength(64);
        builder.Property(l => l.Steps).AsJson(namedEnums: true).HasMaxLength(4000);
    }
}

internal sealed class AcknowledgementLinkConfiguration : IEntityTypeConfiguration<AcknowledgementLink>
{
    public void Configure(EntityTypeBuilder<AcknowledgementLink> builder)
    {
        builder.ToTable("WarningAcknowledgementLinks");
        builder.HasKey(l => l.Hash);
        builder.Property(l => l.Hash).HasMaxLength(64);
        // Spent once: of two taps at once, the second finds it changed and is told the link has served.
        builder.Property(l => l.UsedAt).IsConcurrencyToken();
        builder.HasIndex(l => l.DeliveryId);
        builder.HasOne<WarningDelivery>().WithMany().HasForeignKey(l => l.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DutyPeriodConfiguration : IEntityTypeConfiguration<DutyPeriod>
{
    public void Configure(EntityTypeBuilder<DutyPeriod> builder)
    {
        builder.ToTable("WarningDutyPeriods");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.OrganisationKey).HasMaxLength(450);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.UserName).HasMaxLength(256);
        builder.HasIndex(d => new { d.OrganisationKey, d.Until });
    }
}
