using Enki.Domain.History;
using Enki.Infrastructure.History.Snapshots;
using Enki.Infrastructure.Persistence.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class PastSnapshotRowConfiguration : IEntityTypeConfiguration<PastSnapshotRow>
{
    public void Configure(EntityTypeBuilder<PastSnapshotRow> builder)
    {
        builder.ToTable("PastSnapshots");
        builder.Property(r => r.Clock).HasConversion(EnumStorage.HistoryClock.Converter).HasMaxLength(16);
        // The national dashboard reads a whole snapshot by its key's first two columns.
        builder.HasKey(r => new { r.Clock, r.At, r.IncidentId });
        builder.Property(r => r.CaseId).HasMaxLength(200);
        builder.Property(r => r.CommuneCode).HasMaxLength(8);
        builder.Property(r => r.DepartmentCode).HasMaxLength(8);
        builder.Property(r => r.ZoneCode).HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion(EnumStorage.IncidentStatus.Converter).HasMaxLength(16);
        builder.Property(r => r.NatureCode).HasMaxLength(16);
        builder.Property(r => r.NatureFamily).HasMaxLength(3);
        builder.Property(r => r.NatureLabel).HasMaxLength(300);
        builder.Property(r => r.Estimate).HasConversion(EnumStorage.VictimCountEstimate.Converter).HasMaxLength(16);
        // One snapshot narrowed to a department, a zone, a commune: plain equalities, which SQLite's planner uses.
        builder.HasIndex(r => new { r.Clock, r.At, r.DepartmentCode });
        builder.HasIndex(r => new { r.Clock, r.At, r.ZoneCode });
        builder.HasIndex(r => new { r.Clock, r.At, r.CommuneCode });
    }
}

internal sealed class PastSnapshotInstantConfiguration : IEntityTypeConfiguration<PastSnapshotInstant>
{
    public void Configure(EntityTypeBuilder<PastSnapshotInstant> builder)
    {
        builder.ToTable("PastSnapshotInstants");
        builder.Property(i => i.Clock).HasConversion(EnumStorage.HistoryClock.Converter).HasMaxLength(16);
        builder.HasKey(i => new { i.Clock, i.At });
    }
}
