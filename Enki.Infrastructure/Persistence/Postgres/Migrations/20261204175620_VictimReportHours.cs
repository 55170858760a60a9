using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VictimReportHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorVictimChanges_DepartmentCode_Hour",
                table: "IndicatorVictimChanges");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReportHour",
                table: "IndicatorVictimChanges",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorVictimChanges_DepartmentCode_Hour_Covering",
                table: "IndicatorVictimChanges",
                columns: new[] { "DepartmentCode", "Hour", "At", "ReportHour", "Deceased", "Red", "Yellow", "Green", "Missing", "Evacuated", "Displaced" });

            // The victims' first build again (delete then insert: a new database already holds its mark): it writes every row's report
            // hour; until it is over the indicators read the reports as before.
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f06"));

            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f06"), new DateTimeOffset(new DateTime(1900, 1, 3, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorVictimChanges_DepartmentCode_Hour_Covering",
                table: "IndicatorVictimChanges");

            migrationBuilder.DropColumn(
                name: "ReportHour",
                table: "IndicatorVictimChanges");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorVictimChanges_DepartmentCode_Hour",
                table: "IndicatorVictimChanges",
                columns: new[] { "DepartmentCode", "Hour" });
        }
    }
}
