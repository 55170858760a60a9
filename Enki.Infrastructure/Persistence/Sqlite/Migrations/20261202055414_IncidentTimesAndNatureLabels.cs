using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IncidentTimesAndNatureLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NatureCodeUnknown",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NatureLabelAsSent",
                table: "Incidents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OpenedAtClamped",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ReceivedAt",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_NatureCodeUnknown",
                table: "Incidents",
                column: "NatureCodeUnknown");

            // Incidents received before this change were timed by their reception: it is what they keep.
            migrationBuilder.Sql("UPDATE Incidents SET ReceivedAt = OpenedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_NatureCodeUnknown",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "NatureCodeUnknown",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "NatureLabelAsSent",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "OpenedAtClamped",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "ReceivedAt",
                table: "Incidents");
        }
    }
}
