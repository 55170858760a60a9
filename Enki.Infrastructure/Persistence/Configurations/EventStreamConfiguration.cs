using Enki.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    public void Configure(EntityTypeBuilder<StoredEvent> builder)
    {
        builder.ToTable("Events");
        builder.HasKey(e => e.Sequence);
        // Numbered from the stream head, never by the database: see EventStreamHead.
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.CommuneCode).HasMaxLength(8);
        builder.Property(e => e.DepartmentCode).HasMaxLength(8);
        builder.Property(e => e.ZoneCode).HasMaxLength(16);
        // What happened to one incident, crisis or request; with the type, « has it an opening » is read from the index alone
        // (the history backfill asks it of every incident at each start: 18 s of a year's file by subject, about 1 s so).
        // The stream by when it happened (replays).
        builder.HasIndex(e => new { e.SubjectId, e.Type });
        builder.HasIndex(e => e.OccurredAt);
        // The events after a past snapshot as known (by when Enki recorded them).
        builder.HasIndex(e => e.RecordedAt);
        // The victims known over time read one kind of event among millions: only theirs, by time, with their subject.
        builder.HasIndex(e => new { e.OccurredAt, e.SubjectId }, "IX_Events_VictimsChanged")
            .HasFilter($"\"Type\" = '{Indicators.VictimFacts.VictimsChanged}'");
    }
}

internal sealed class EventStreamHeadConfiguration : IEntityTypeConfiguration<EventStreamHead>
{
    public void Configure(EntityTypeBuilder<EventStreamHead> builder)
    {
        builder.ToTable("EventStreamHead");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasData(new EventStreamHead { Id = EventStreamHead.SingleId, LastSequence = 0 });
    }
}

internal sealed class EventHandlerPositionConfiguration : IEntityTypeConfiguration<EventHandlerPosition>
{
    public void Configure(EntityTypeBuilder<EventHandlerPosition> builder)
    {
        builder.ToTable("EventHandlerPositions");
        builder.HasKey(p => p.Handler);
        builder.Property(p => p.Handler).HasMaxLength(64);
        builder.Property(p => p.LastError).HasMaxLength(1000);
        builder.Property(p => p.LeaseHolder).HasMaxLength(128);
    }
}
