using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PastSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Rebuilt",
                table: "Events",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PastSnapshotInstants",
                columns: table => new
                {
                    Clock = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpToSequence = table.Column<long>(type: "bigint", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PastSnapshotInstants", x => new { x.Clock, x.At });
                });

            migrationBuilder.CreateTable(
                name: "PastSnapshots",
                columns: table => new
                {
                    Clock = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    DepartmentCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ZoneCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Moved = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NatureCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NatureFamily = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    NatureLabel = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Estimate = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Red = table.Column<int>(type: "integer", nullable: false),
                    Yellow = table.Column<int>(type: "integer", nullable: false),
                    Green = table.Column<int>(type: "integer", nullable: false),
                    Deceased = table.Column<int>(type: "integer", nullable: false),
                    Missing = table.Column<int>(type: "integer", nullable: false),
                    Evacuated = table.Column<int>(type: "integer", nullable: false),
                    Displaced = table.Column<int>(type: "integer", nullable: false),
                    EngagedResources = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PastSnapshots", x => new { x.Clock, x.At, x.IncidentId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_RecordedAt",
                table: "Events",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PastSnapshots_Clock_At_CommuneCode",
                table: "PastSnapshots",
                columns: new[] { "Clock", "At", "CommuneCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PastSnapshots_Clock_At_DepartmentCode",
                table: "PastSnapshots",
                columns: new[] { "Clock", "At", "DepartmentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PastSnapshots_Clock_At_ZoneCode",
                table: "PastSnapshots",
                columns: new[] { "Clock", "At", "ZoneCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PastSnapshotInstants");

            migrationBuilder.DropTable(
                name: "PastSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_Events_RecordedAt",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Rebuilt",
                table: "Events");
        }
    }
}
