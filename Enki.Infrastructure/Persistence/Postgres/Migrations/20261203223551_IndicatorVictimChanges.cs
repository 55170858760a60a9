using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorVictimChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorVictimChanges",
                columns: table => new
                {
                    Hour = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ZoneCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Deceased = table.Column<int>(type: "integer", nullable: false),
                    Red = table.Column<int>(type: "integer", nullable: false),
                    Yellow = table.Column<int>(type: "integer", nullable: false),
                    Green = table.Column<int>(type: "integer", nullable: false),
                    Missing = table.Column<int>(type: "integer", nullable: false),
                    Evacuated = table.Column<int>(type: "integer", nullable: false),
                    Displaced = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorVictimChanges", x => new { x.Hour, x.CommuneCode, x.At });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorVictimChanges_CommuneCode_Hour",
                table: "IndicatorVictimChanges",
                columns: new[] { "CommuneCode", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorVictimChanges_DepartmentCode_Hour",
                table: "IndicatorVictimChanges",
                columns: new[] { "DepartmentCode", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorVictimChanges_ZoneCode_Hour",
                table: "IndicatorVictimChanges",
                columns: new[] { "ZoneCode", "Hour" });

            // The victims rows' own « build » mark: the next refresh builds them in one pass over the reports, without
            // rebuilding the other pre-aggregates; until then readers of « victimes connues » use the incidents alone.
            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f06"), new DateTimeOffset(new DateTime(1900, 1, 3, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f06"));

            migrationBuilder.DropTable(
                name: "IndicatorVictimChanges");
        }
    }
}
