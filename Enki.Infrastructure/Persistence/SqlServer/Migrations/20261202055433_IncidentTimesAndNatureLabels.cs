using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NatureLabelAsSent",
                table: "Incidents",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OpenedAtClamped",
                table: "Incidents",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReceivedAt",
                table: "Incidents",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

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
