using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorCoverageHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorCoverageHours",
                columns: table => new
                {
                    Hour = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CommuneCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    NatureFamily = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    TotalTicks = table.Column<long>(type: "bigint", nullable: false),
                    AlertTicks = table.Column<long>(type: "bigint", nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    ZoneCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Incidents = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorCoverageHours", x => new { x.Hour, x.CommuneCode, x.NatureFamily, x.TotalTicks, x.AlertTicks });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorCoverageHours_CommuneCode_Hour",
                table: "IndicatorCoverageHours",
                columns: new[] { "CommuneCode", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorCoverageHours_DepartmentCode_Hour",
                table: "IndicatorCoverageHours",
                columns: new[] { "DepartmentCode", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorCoverageHours_ZoneCode_Hour",
                table: "IndicatorCoverageHours",
                columns: new[] { "ZoneCode", "Hour" });

            // The « every hour » mark again: the next refresh marks every hour holding an incident and rewrites it with its
            // coverage rows; until then readers use the incidents alone.
            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f04"), new DateTimeOffset(new DateTime(1900, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f04"));

            migrationBuilder.DropTable(
                name: "IndicatorCoverageHours");
        }
    }
}
