using Enki.Infrastructure.Persistence.Storage;
using Enki.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enki.Infrastructure.Persistence.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.CaseId).HasMaxLength(200);
        builder.HasIndex(i => i.CaseId).IsUnique();
        builder.Property(i => i.SenderCaseId).HasMaxLength(200);
        builder.Property(i => i.SenderOrganisation).HasMaxLength(200);
        builder.Property(i => i.NatureCode).HasMaxLength(16);
        builder.Property(i => i.NatureLabel).HasMaxLength(300);
        builder.Property(i => i.NatureFamily).HasMaxLength(3);
        builder.Property(i => i.NatureLabelAsSent).HasMaxLength(300);
        builder.Ignore(i => i.NatureLabelDisagrees);
        builder.Ignore(i => i.ReceptionDelay);
        builder.Ignore(i => i.ReceivedLate);
        builder.HasIndex(i => i.NatureCodeUnknown);
        builder.Property(i => i.LocationKindLabel).HasMaxLength(300);
        builder.Property(i => i.Status).HasConversion(EnumStorage.IncidentStatus.Converter).HasMaxLength(16);

        builder.Ignore(i => i.Place);
        builder.Property(i => i.CommuneCode).HasMaxLength(5);
        builder.Property(i => i.CommuneName).HasMaxLength(100);
        builder.Property(i => i.DepartmentCode).HasMaxLength(3);
        builder.Property(i => i.ZoneCode).HasMaxLength(16);
        builder.Property(i => i.Address).HasMaxLength(500);
        builder.Property(i => i.LocationDiscrepancy).HasMaxLength(500);
        builder.ComplexProperty(i => i.Victims, victims =>
        {
            victims.Property(v => v.Estimate).HasConversion(EnumStorage.VictimCountEstimate.Converter).HasMaxLength(16).HasColumnName("VictimEstimate");
            victims.Property(v => v.Red).HasColumnName("VictimsRed");
            victims.Property(v => v.Yellow).HasColumnName("VictimsYellow");
            victims.Property(v => v.Green).HasColumnName("VictimsGreen");
            victims.Property(v => v.Deceased).HasColumnName("VictimsDeceased");
            victims.Property(v => v.Missing).HasColumnName("VictimsMissing");
            victims.Property(v => v.Evacuated).HasColumnName("PeopleEvacuated");
            victims.Property(v => v.Displaced).HasColumnName("PeopleDisplaced");
        });

        // Collections and the caller's contact travel as JSON: one row per incident.
        builder.Ignore(i => i.Resources);
        builder.Ignore(i => i.Missions);
        builder.Ignore(i => i.Timeline);
        builder.Property<List<EngagedResource>>("_resources").HasColumnName("Resources").AsJson();
        builder.Property<List<IncidentMission>>("_missions").HasColumnName("Missions").AsJson();
        builder.Property<List<TimelineEntry>>("_timeline").HasColumnName("Timeline").AsJson(namedEnums: true);
        builder.Property(i => i.Caller).AsJson();

        // The indexes behind every filter a page or the API makes: each territory and nature filter
        // lands on its rows already split by exercise and ordered by opening time (the default sort).
        builder.HasIndex(i => new { i.IsExercise, i.Status, i.UpdatedAt });
        builder.HasIndex(i => new { i.IsExercise, i.UpdatedAt });
        builder.HasIndex(i => i.CreatedAt);
        builder.HasIndex(i => new { i.IsExercise, i.OpenedAt });
        builder.HasIndex(i => new { i.DepartmentCode, i.IsExercise, i.OpenedAt });
        builder.HasIndex(i => new { i.CommuneCode, i.IsExercise, i.OpenedAt });
        builder.HasIndex(i => new { i.ZoneCode, i.IsExercise, i.OpenedAt });
        builder.HasIndex(i => new { i.NatureFamily, i.IsExercise, i.Status, i.OpenedAt });
        // The few incidents without a point, for the grid's number (the openings less these): partial, so no other filter can take it.
        builder.HasIndex(i => new { i.IsExercise, i.OpenedAt }, "IX_Incidents_Unplaced").HasFilter("\"Latitude\" IS NULL");
        // The grid map's points, read from the index alone (a national year in the sqlite3 shell: 3 s through the rows, 0.14 s here). Partial too: not
        // partial, SQLite took it for the closings (52 ms → 4.7 s); only a filter that asks for a point may take it.
        builder.HasIndex(i => new { i.IsExercise, i.OpenedAt, i.NatureFamily, i.Latitude, i.Longitude }, "IX_Incidents_Placed")
            .HasFilter("\"Latitude\" IS NOT NULL");
        // A department's points the same way: through the department's index and the rows, department 77's year took 1.1 s at 5 M incidents.
        builder.HasIndex(i => new { i.DepartmentCode, i.IsExercise, i.OpenedAt, i.NatureFamily, i.Latitude, i.Longitude }, "IX_Incidents_PlacedByDepartment")
            .HasFilter("\"Latitude\" IS NOT NULL");

        // The span of the resources' status times, for the indicators only (set by every save, EnkiDbContext.ResourceTimes):
        // the incidents holding a resource fact of a few minutes are those whose span meets them. Each index holds both ends,
        // so the end not sought is checked in the index, before any row is read. Not led by the exercise flag: SQLite, without
        // statistics, then took them for any « real and … » filter, an id list's among them (86 ms → 2.2 s for the closings).
        builder.Property<DateTimeOffset?>(EnkiDbContext.FirstResourceStatusAt);
        builder.Property<DateTimeOffset?>(EnkiDbContext.LastResourceStatusAt);
        builder.HasIndex(EnkiDbContext.LastResourceStatusAt, EnkiDbContext.FirstResourceStatusAt);
        builder.HasIndex(EnkiDbContext.FirstResourceStatusAt, EnkiDbContext.LastResourceStatusAt);
    }
}
